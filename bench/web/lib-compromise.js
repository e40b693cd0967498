import nlp from "compromise";
export default nlp;
