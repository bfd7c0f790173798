// Escaping for every output format. Whatever comes from a crawled page (URLs, titles, snippets,
// link texts, messages with arguments) is hostile: it may hold markup, quotes, control
// characters or ill-formed UTF-8. These functions make it inert in HTML, XML and CSV.
#ifndef VERIFICA_REPORT_ESCAPE_H_
#define VERIFICA_REPORT_ESCAPE_H_

#include <optional>
#include <string>
#include <string_view>

namespace verifica::report {

// Well-formed UTF-8 without C0/C1 control characters (tab, LF and CR kept), DEL or the
// non-characters U+FFFE/U+FFFF: each offending byte sequence becomes U+FFFD. The result is
// safe to put in XML 1.0 and HTML text once markup characters are escaped.
std::string CleanText(std::string_view s);

// CleanText, then & < > " ' as character references. Safe in HTML/XML text and in
// attribute values quoted with either quote.
std::string EscapeHtml(std::string_view s);

// As EscapeHtml, and tab/LF/CR also as character references, so XML attribute-value
// normalisation keeps them (use for XML attributes).
std::string EscapeXmlAttribute(std::string_view s);

// The URL, trimmed, if it is an absolute http(s) URL that may be used as a link target;
// nullopt for anything else (javascript:, data:, file:, relative, or holding white space or
// control characters), with " < > \ ^ ` { | } percent-encoded. The result still needs
// EscapeHtml in an attribute.
std::optional<std::string> LinkableUrl(std::string_view url);

// A relative link to a file in a sub-folder, e.g. ("sujeto-01", "report.html") →
// "./sujeto-01/report.html", with every byte outside RFC 3986's unreserved set percent-encoded,
// so a folder named like a URL scheme ("javascript:x") stays a relative path.
std::string RelativeHref(std::string_view folder, std::string_view file);

// One CSV field (RFC 4180): CleanText, quoted when needed; a value that a spreadsheet would run
// as a formula (starting with = + - @, tab or CR, after leading spaces) is prefixed with '.
std::string CsvField(std::string_view s);

// Text for a terminal: CleanText with tabs and line breaks as spaces, and no escape sequences.
std::string TerminalText(std::string_view s);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_ESCAPE_H_
