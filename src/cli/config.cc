#include "cli/config.h"

#include <CLI/CLI.hpp>
#include <cstring>
#include <nlohmann/json.hpp>
#include <sstream>

namespace verifica::cli {

namespace {

using nlohmann::json;

enum class Kind { kFlag, kInteger, kNumber, kText };

Kind KindOf(const CLI::Option& opt) {
  if (opt.get_items_expected_max() == 0) return Kind::kFlag;
  const std::string type = opt.get_type_name();
  if (type.starts_with("INT") || type.starts_with("UINT")) return Kind::kInteger;
  if (type.starts_with("FLOAT") || type.starts_with("NUMBER")) return Kind::kNumber;
  return Kind::kText;
}

bool IsRepeatable(const CLI::Option& opt) {
  return opt.get_expected_max() > 1 || opt.get_items_expected_max() > 1;
}

std::string KeyOf(const CLI::Option& opt) {
  if (!opt.get_lnames().empty()) return opt.get_lnames().front();
  if (opt.get_positional()) return opt.get_name(true, false);
  return opt.get_single_name();
}

// Options a config file may set (not --help, --config, --print-config, --version).
bool Settable(const CLI::Option& opt) {
  if (!opt.get_configurable()) return false;
  const std::string key = KeyOf(opt);
  return key != "help" && key != "help-all" && key != "version" && !key.empty();
}

const CLI::Option* FindOption(const CLI::App& app, std::string_view key) {
  for (const CLI::Option* opt : app.get_options()) {
    if (Settable(*opt) && KeyOf(*opt) == key) return opt;
  }
  return nullptr;
}

std::string KnownKeys(const CLI::App& app, bool with_subcommands) {
  std::string out;
  for (const CLI::Option* opt : app.get_options()) {
    if (Settable(*opt)) out += (out.empty() ? "" : ", ") + KeyOf(*opt);
  }
  if (with_subcommands) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      out += (out.empty() ? "" : ", ") + sub->get_name();
    }
  }
  return out.empty() ? "none" : out;
}

std::string TypeWord(Kind k) {
  switch (k) {
    case Kind::kFlag:
      return "true or false";
    case Kind::kInteger:
      return "a whole number";
    case Kind::kNumber:
      return "a number";
    case Kind::kText:
      return "a string";
  }
  return "a value";
}

// One JSON value for an option, as CLI11 input text.
Result<std::string> Scalar(const json& v, Kind kind, const std::string& where) {
  switch (kind) {
    case Kind::kFlag:
      if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
      break;
    case Kind::kInteger:
      if (v.is_number_integer()) return v.dump();
      break;
    case Kind::kNumber:
      if (v.is_number()) return v.dump();
      break;
    case Kind::kText:
      if (v.is_string()) return v.get<std::string>();
      break;
  }
  return InvalidArgument(where + " must be " + TypeWord(kind) + ", not " + v.dump());
}

// True when `value` is the option's own default, as --print-config writes it.
bool SameAsDefault(const CLI::Option& opt, Kind kind, const json& value) {
  const std::string def = opt.get_default_str();
  switch (kind) {
    case Kind::kFlag:
      return value.is_boolean() && !value.get<bool>() &&
             (def.empty() || def == "false" || def == "0");
    case Kind::kInteger:
    case Kind::kNumber: {
      if (!value.is_number() || def.empty()) return false;
      json d = json::parse(def, nullptr, false);
      return d.is_number() && d.get<double>() == value.get<double>();
    }
    case Kind::kText:
      return value.is_string() && !def.empty() && value.get<std::string>() == def;
  }
  return false;
}

Status AddItems(const CLI::App& app, const json& object, std::vector<std::string> parents,
                std::string_view source, std::vector<CLI::ConfigItem>* out) {
  for (const auto& [key, value] : object.items()) {
    std::string path;
    for (const std::string& p : parents) path += p + ".";
    path += key;
    const std::string where = std::string(source) + ": \"" + path + "\"";
    if (parents.empty()) {
      const CLI::App* sub = nullptr;
      for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (s->get_name() == key) sub = s;
      }
      if (sub != nullptr) {
        if (!value.is_object()) {
          return InvalidArgument(where + " must be an object of " + key + " options");
        }
        if (Status s = AddItems(*sub, value, {key}, source, out); !s.ok()) return s;
        continue;
      }
    }
    const CLI::Option* opt = FindOption(app, key);
    if (opt == nullptr) {
      return InvalidArgument(where +
                             ": unknown key (known here: " + KnownKeys(app, parents.empty()) + ")");
    }
    const Kind kind = KindOf(*opt);
    CLI::ConfigItem item;
    item.parents = parents;
    item.name =
        opt->get_positional() && opt->get_lnames().empty() ? opt->get_name(true, false) : key;
    if (SameAsDefault(*opt, kind, value)) continue;  // changes nothing (e.g. "jobs": 0 = auto)
    if (value.is_array()) {
      if (!IsRepeatable(*opt)) {
        return InvalidArgument(where + " takes one value (" + TypeWord(kind) + "), not a list");
      }
      for (const json& v : value) {
        auto s = Scalar(v, kind, where);
        if (!s.ok()) return s.status();
        item.inputs.push_back(*s);
      }
      if (item.inputs.empty()) continue;  // an empty list leaves the default
    } else {
      auto s = Scalar(value, kind, where);
      if (!s.ok()) return s.status();
      item.inputs.push_back(*s);
    }
    out->push_back(std::move(item));
  }
  return Status::Ok();
}

std::string ConfigSource(const CLI::App& root) {
  const CLI::Option* opt = root.get_config_ptr();
  if (opt != nullptr && !opt->results().empty()) return opt->results().front();
  return std::string(kDefaultConfigFile);
}

// CLI11's config formatter interface; errors can only leave it as CLI11 exceptions, which the
// command line turns into exit code 2.
class JsonConfig : public CLI::Config {
 public:
  explicit JsonConfig(const CLI::App* root) : root_(root) {}

  std::string to_config(const CLI::App* app, bool, bool, std::string) const override {
    return EffectiveConfig(*app);
  }

  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
    std::ostringstream text;
    text << input.rdbuf();
    auto items = ParseConfigJson(text.str(), *root_, ConfigSource(*root_));
    if (!items.ok()) throw CLI::ConfigError(items.status().message());
    return *items;
  }

 private:
  const CLI::App* root_;
};

bool Truthy(const std::string& s) {
  return s == "true" || s == "1" || s == "on" || s == "yes" || s == "+1";
}

json Typed(const std::string& s, Kind kind) {
  switch (kind) {
    case Kind::kFlag:
      return Truthy(s);
    case Kind::kInteger:
    case Kind::kNumber: {
      json n = json::parse(s, nullptr, false);
      return n.is_number() ? n : json(s);
    }
    case Kind::kText:
      return s;
  }
  return s;
}

json OptionsOf(const CLI::App& app) {
  json out = json::object();
  for (const CLI::Option* opt : app.get_options()) {
    if (!Settable(*opt)) continue;
    const Kind kind = KindOf(*opt);
    std::vector<std::string> values;
    if (opt->count() > 0) {
      values = opt->results();
    } else if (!opt->get_default_str().empty()) {
      values = {opt->get_default_str()};
    } else if (kind == Kind::kFlag) {
      values = {"false"};
    }
    if (values.empty()) continue;
    if (kind == Kind::kFlag) {
      // A flag given several times, or with an explicit value: the last one wins.
      out[KeyOf(*opt)] = Truthy(values.back());
    } else if (IsRepeatable(*opt)) {
      json a = json::array();
      for (const std::string& v : values) {
        // Defaults of list options print as "[a,b]"; lists given as "a,b" stay one value.
        if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
          std::string inner = v.substr(1, v.size() - 2);
          size_t start = 0;
          while (start <= inner.size() && !inner.empty()) {
            size_t comma = inner.find(',', start);
            if (comma == std::string::npos) comma = inner.size();
            a.push_back(Typed(inner.substr(start, comma - start), kind));
            start = comma + 1;
          }
        } else {
          a.push_back(Typed(v, kind));
        }
      }
      out[KeyOf(*opt)] = a;
    } else {
      out[KeyOf(*opt)] = Typed(values.back(), kind);
    }
  }
  return out;
}

}  // namespace

ConfigSupport ConfigSupport::Install(CLI::App& app, int argc, char** argv) {
  ConfigSupport support;
  bool printing = false;
  for (int i = 1; i < argc; ++i) printing |= std::strcmp(argv[i], "--print-config") == 0;
  app.config_formatter(std::make_shared<JsonConfig>(&app));
  app.set_config("--config", std::string(kDefaultConfigFile),
                 "Read options from this JSON file (default: ./verifica.json when present)");
  app.allow_config_extras(CLI::config_extras_mode::error);
  app.add_flag("--print-config", *support.print_,
               "Print the effective configuration (config file + flags + defaults) as JSON "
               "and stop")
      ->configurable(false);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->fallthrough();
    sub->allow_config_extras(CLI::config_extras_mode::error);
    for (CLI::Option* opt : sub->get_options()) {
      opt->capture_default_str();
      if (printing && opt->get_positional()) opt->required(false);
    }
  }
  return support;
}

Result<std::vector<CLI::ConfigItem>> ParseConfigJson(std::string_view text, const CLI::App& root,
                                                     std::string_view source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    return InvalidArgument(std::string(source) + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) {
    return InvalidArgument(
        std::string(source) +
        ": a config file is a JSON object, e.g. {\"check\": {\"lang\": \"en\"}}");
  }
  std::vector<CLI::ConfigItem> items;
  if (Status s = AddItems(root, j, {}, source, &items); !s.ok()) return s;
  return items;
}

std::string EffectiveConfig(const CLI::App& root) {
  json out = OptionsOf(root);
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : root.get_subcommands()) subs.push_back(sub);
  if (subs.empty()) {
    for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
      subs.push_back(sub);
    }
  }
  for (const CLI::App* sub : subs) out[sub->get_name()] = OptionsOf(*sub);
  return out.dump(2) + "\n";
}

}  // namespace verifica::cli
