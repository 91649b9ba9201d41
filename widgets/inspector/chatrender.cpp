#include "chatrender.h"

#include "common/theme.h"

#include <QStringList>

namespace spanscope {

namespace {

using nlohmann::json;

const json &member(const json &obj, const char *key) {
    static const json none;
    if (!obj.is_object()) return none;
    const auto it = obj.find(key);
    return it == obj.end() ? none : *it;
}

QString text(const json &v) {
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_null()) return {};
    // Small values on one line ({"result": 7}); larger ones indented to be read.
    const std::string flat = v.dump(-1, ' ', false, json::error_handler_t::replace);
    return QString::fromStdString(
        flat.size() <= 100 ? flat : v.dump(1, ' ', false, json::error_handler_t::replace));
}

QString escaped(const QString &s) {
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// One tool call in any of the shapes: OpenAI {id, function: {name, arguments}} or {id, name,
// arguments}, ATIF {tool_call_id, function_name, arguments}, Anthropic {type: tool_use, name,
// input}, Gemini {functionCall: {name, args}}.
QString toolCall(const json &c) {
    const json &fn = member(c, "function");
    const json &gemini = member(c, "functionCall");
    QString name = text(member(c, "function_name"));
    if (name.isEmpty()) name = text(member(c, "name"));
    if (name.isEmpty()) name = text(member(fn, "name"));
    if (name.isEmpty()) name = text(member(gemini, "name"));
    json args = member(c, "arguments");
    if (args.is_null()) args = member(fn, "arguments");
    if (args.is_null()) args = member(c, "input");
    if (args.is_null()) args = member(gemini, "args");
    QString id = text(member(c, "tool_call_id"));
    if (id.isEmpty()) id = text(member(c, "id"));
    return QStringLiteral("&rarr; <b>%1</b>(%2)%3")
        .arg(escaped(name),
             escaped(args.is_string() ? text(args) : QString::fromStdString(args.dump())),
             id.isEmpty() ? QString() : QStringLiteral(" <small>%1</small>").arg(escaped(id)));
}

// A message's content: text, or parts (text, images, tool uses and results).
QString content(const json &c, QStringList &calls) {
    if (!c.is_array()) return escaped(text(c));
    QStringList out;
    for (const json &part : c) {
        const std::string type =
            member(part, "type").is_string() ? part["type"].get<std::string>() : std::string();
        if (type == "tool_use" || part.contains("functionCall"))
            calls << toolCall(part);
        else if (type == "tool_result")
            out << escaped(text(member(part, "content")));
        else if (type == "image" || type == "image_url")
            out << QStringLiteral("<i>[image]</i>");
        else if (part.contains("text"))
            out << escaped(text(part["text"]));
        else if (part.contains("functionResponse"))
            out << escaped(text(member(part["functionResponse"], "response")));
        else
            out << escaped(text(part));
    }
    return out.join(QStringLiteral("<br>"));
}

QString message(const json &m) {
    QString role = text(member(m, "role"));
    if (role == QLatin1String("model")) role = QStringLiteral("assistant"); // Gemini
    if (role.isEmpty()) role = QStringLiteral("message");
    const bool dark = theme::dark();
    const QString colour =
        role == QLatin1String("user")        ? QLatin1String(dark ? "#90caf9" : "#1565c0")
        : role == QLatin1String("assistant") ? QLatin1String(dark ? "#a5d6a7" : "#2e7d32")
        : role == QLatin1String("tool")      ? QLatin1String(dark ? "#ffb74d" : "#e65100")
                                             : QLatin1String(dark ? "#bdbdbd" : "#616161");
    QStringList calls;
    QString body = content(m.contains("parts") ? m["parts"] : member(m, "content"), calls);
    for (const json &c : member(m, "tool_calls").is_array() ? m["tool_calls"] : json::array())
        calls << toolCall(c);
    for (const char *key : {"reasoning", "reasoning_content"})
        if (const QString r = text(member(m, key)); !r.isEmpty())
            body = QStringLiteral("<i style='color:#757575'>%1</i>%2%3")
                       .arg(escaped(r), body.isEmpty() ? QString() : QStringLiteral("<br>"), body);
    const QString id = text(member(m, "tool_call_id"));
    QString html =
        QStringLiteral("<p><b style='color:%1'>%2</b>%3<br>%4")
            .arg(colour, escaped(role),
                 id.isEmpty() ? QString() : QStringLiteral(" <small>%1</small>").arg(escaped(id)),
                 body);
    if (!calls.isEmpty())
        html += (body.isEmpty() ? QString() : QStringLiteral("<br>")) +
                calls.join(QStringLiteral("<br>"));
    return html + QStringLiteral("</p>");
}

// The model's answer as a message: ATIF's output, an OpenAI response (choices[0].message or
// {content, tool_calls}), Anthropic's {content: [parts]}, Gemini's candidates[0].content.
std::optional<json> answer(const json &out) {
    if (out.is_string()) return json{{"role", "assistant"}, {"content", out}};
    if (!out.is_object()) return std::nullopt;
    if (const json &choices = member(out, "choices"); choices.is_array() && !choices.empty())
        return member(choices[0], "message");
    if (const json &cands = member(out, "candidates"); cands.is_array() && !cands.empty())
        return member(cands[0], "content");
    if (out.contains("content") || out.contains("tool_calls")) {
        json m = out;
        if (!m.contains("role")) m["role"] = "assistant";
        return m;
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> chatHtml(const json &payload, std::set<std::string> *used) {
    if (!payload.is_object()) return std::nullopt;
    const json *messages = nullptr;
    std::string messagesKey;
    for (const char *key : {"atif_messages", "messages"})
        if (member(payload, key).is_array()) {
            messages = &payload[key];
            messagesKey = key;
            break;
        }
    if (!messages)
        for (const char *key : {"messages", "contents"}) // a provider request kept as input
            if (member(member(payload, "input"), key).is_array()) {
                messages = &payload["input"][key];
                messagesKey = "input";
                break;
            }
    if (!messages) return std::nullopt;
    QString html;
    for (const json &m : *messages)
        html += message(m);
    if (used) used->insert(messagesKey);
    for (const char *key : {"atif_output", "output"})
        if (const auto a = answer(member(payload, key))) {
            html += QStringLiteral("<hr>") + message(*a);
            if (used) used->insert(key);
            break;
        }
    return html;
}

} // namespace spanscope
