// Answer types: what kind of answer a paragraph gives (a definition, a time limit, an amount,
// a penalty), detected when indexing, so that a question asking for that kind ("o que é…",
// "quanto tempo…", "quanto custa…", "qual a pena…") prefers paragraphs that give it.
#ifndef PORTARIA_ANALYSIS_ANSWER_TYPE_H_
#define PORTARIA_ANALYSIS_ANSWER_TYPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace portaria::analysis {

// One letter per type, stored in a value slot; the question form names map to them.
// "Considera-se…", "Entende-se por…", "«Termo», …", "O Governo é o órgão…".
inline constexpr char kAnswerDefinition = 'd';
inline constexpr char kAnswerDuration = 't';  // "no prazo de 10 dias", "por setenta anos"
inline constexpr char kAnswerAmount = 'a';    // "R$ 360.000,00", "25 watts", "2%"
inline constexpr char kAnswerPenalty = 'p';   // "reclusão, de um a quatro anos"
inline constexpr char kAnswerContact = 'c';   // "Ligue 300 502 502", an e-mail or web address
// A competence of an organ: the intro "Compete ao X:" and the alíneas below it, or a unit's
// "Competências" section. Decided from the record's structure by the indexer, not the text.
inline constexpr char kAnswerCompetence = 'k';
// Who may act or benefit, in the law's formulas: "Têm legitimidade para requerer…", "Têm direito
// a…", "São elegíveis…", "Podem requerer…" — the answer to "quem pode pedir…?".
inline constexpr char kAnswerEntitled = 'e';
// A rule of what one may, must or must not do, or has a right to: "O titular tem o direito de
// obter…", "Ninguém pode entrar…", "só podem ser utilizadas…", "É proibido…" — the answer to
// "posso…?", "é obrigatório…?", "tenho direito…?".
inline constexpr char kAnswerRule = 'o';
// Who is charged with something, said in the text: "A execução do recenseamento militar cabe ao
// Exército", "A aplicação das coimas compete ao chefe do estado-maior", "Incumbe às Forças
// Armadas…" — the answer to "quem faz…?" when the organ is not the paragraph's unit.
inline constexpr char kAnswerResponsible = 'r';
// What something must contain, as the law lists it: a paragraph that introduces a list ("A
// notificação inicial deve incluir a seguinte informação:") — the answer to "o que deve ter…?".
inline constexpr char kAnswerList = 'l';
// No answer at all: what stands in a provision's place once it is revoked or vetoed, "(Revogado.)",
// "(Revogada pela Lei n.º 12/2020)", "(VETADO).", "[Revogado]" (the whole paragraph, brackets and
// the revoking act's citation aside). Short, so it ranks high on what its headings say; it
// answers nothing (searcher/rerank.h).
inline constexpr char kAnswerVoid = 'v';

// Whether `text` is only such a placeholder.
bool IsVoidProvision(std::string_view text);

// The types `text` answers (its tokens from Analyzer::Analyze on the same text), as a sorted
// string of the letters above ("dt").
std::string AnswerTypes(std::string_view text, const std::vector<Token>& tokens);

// A definition by its copula: the paragraph opens with an article and what it defines, a short
// noun phrase (at most six words, no clause), then "é"/"são" and an article ("O Governo é o órgão
// de condução da política geral do país", "A CMD é um sistema multifator de autenticação").
// Returns the copula's index in `tokens` (from Analyzer::Analyze on `text`), so the term defined
// is tokens [1, index); 0 if the paragraph does not open so.
std::size_t DefiningCopula(std::string_view text, const std::vector<Token>& tokens);

// Whether `folded` (a token's surface, folded) is a cardinal number written as a word, as laws
// write them out in both varieties ("cinco", "duzentos", "dezasseis", "dezesseis").
bool IsNumberWord(std::string_view folded);

// The answer type a question form (schema/questions.txt) asks for, or 0.
char AnswerTypeOfForm(std::string_view form);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_ANSWER_TYPE_H_
