// Recognising organic units (Centro Nacional de Pensões, Departamento de…, Secretaria…) in
// headings. Shared by the readers so that every format tags units the same way.
#ifndef PORTARIA_INDEXER_UNITS_H_
#define PORTARIA_INDEXER_UNITS_H_

#include <string>
#include <string_view>

namespace portaria::indexer {

// If `heading` names an organic unit, returns its name as written (without a leading
// "Competências do/da/dos/das", markup, or trailing punctuation); otherwise an empty string.
// "Centro Nacional de Pensões" -> itself; "Competências dos Serviços Locais:" -> "Serviços
// Locais"; "Disposições gerais" -> "".
std::string UnitFromHeading(std::string_view heading);

// True for headings that continue the current unit's section rather than start a new one
// ("Competências", "Atribuições", "Missão", "Organização").
bool IsUnitSubheading(std::string_view heading);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_UNITS_H_
