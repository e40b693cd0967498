import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
export { winkNLP, model };
