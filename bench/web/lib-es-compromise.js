import esnlp from "es-compromise";
export default esnlp;
