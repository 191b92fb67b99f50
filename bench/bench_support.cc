#include "bench/bench_support.h"

#include <malloc.h>
#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <system_error>

#include "indexer/reader.h"

namespace portaria::bench {
namespace {

namespace fs = std::filesystem;

// Used only when the evaluation questions are not there (e.g. outside the shared workspace):
// a spread of question forms, single words, phrases and citations.
const char* const kBuiltinQuestions[] = {
    "quem paga pensões",
    "quem reconhece o direito à pensão de velhice",
    "quem trata da adoção de crianças",
    "quem licencia lares de idosos",
    "prestações de desemprego",
    "subsídio de doença",
    "\"segurança social\"",
    "contribuições das entidades empregadoras",
    "pensoes de invalidez",
    "competências do conselho diretivo",
    "inscrição de beneficiários",
    "o que é o abono de família",
    "prazo para recorrer de uma decisão administrativa",
    "delegação de competências",
    "direitos do consumidor",
    "pena de prisão por furto",
    "Portaria n.º 135/2012 alínea d",
    "Lei 9.784 delegação",
    "quem fiscaliza as instituições particulares de solidariedade social",
    "responsabilidade civil do Estado",
};

}  // namespace

void PeakRss::Start() {
  malloc_trim(0);
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  const Kb now = Read();
  start_kb_ = now.rss;
  // After a reset the peak equals the current size, give or take the pages reading the status
  // file touched; a peak far above it means the reset was refused.
  ok_ = static_cast<bool>(clear) && now.rss > 0 && now.hwm - now.rss < 1024;
}

std::optional<double> PeakRss::GrowthMib() const {
  const Kb now = Read();
  if (!ok_ || now.hwm <= 0) return std::nullopt;
  return static_cast<double>(now.hwm - start_kb_) / 1024.0;
}

// Both fields from one read of the status file, so they describe the same moment.
PeakRss::Kb PeakRss::Read() {
  Kb kb;
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) kb.rss = std::strtol(line.c_str() + 6, nullptr, 10);
    if (line.rfind("VmHWM:", 0) == 0) kb.hwm = std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return kb;
}

std::vector<fs::path> CollectFiles(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  auto consider = [&](const fs::path& p) {
    if (portaria::indexer::FormatForPath(p) != portaria::indexer::Format::kUnknown) {
      files.push_back(p);
    }
  };
  for (const auto& root : paths) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      for (auto it = fs::recursive_directory_iterator(root, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) consider(it->path());
      }
    } else if (fs::is_regular_file(root, ec)) {
      consider(root);
    } else {
      std::fprintf(stderr, "portaria-bench: skipping %s (not found)\n", root.c_str());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> LoadQuestions(const std::string& path, bool* builtin) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (in && std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("q") && j["q"].is_string()) out.push_back(j["q"]);
  }
  *builtin = out.empty();
  if (*builtin) out.assign(std::begin(kBuiltinQuestions), std::end(kBuiltinQuestions));
  return out;
}

LatencyStats Summarize(std::vector<double> ms) {
  LatencyStats s;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  double total = 0;
  for (double m : ms) total += m;
  s.mean_ms = total / static_cast<double>(ms.size());
  // Nearest rank: with few samples p99 is simply one of the slowest, never an interpolation.
  auto rank = [&](double p) {
    std::size_t i = static_cast<std::size_t>(p * static_cast<double>(ms.size()) + 0.999999);
    return ms[std::min(ms.size(), std::max<std::size_t>(i, 1)) - 1];
  };
  s.p50_ms = rank(0.50);
  s.p99_ms = rank(0.99);
  s.qps = 1000.0 / s.mean_ms;
  return s;
}

std::string Format(std::optional<double> v) {
  if (!v) return "-";
  char buf[32];
  double a = std::abs(*v);
  if (a >= 1000) {
    std::snprintf(buf, sizeof buf, "%.0f", *v);
  } else if (a >= 10) {
    std::snprintf(buf, sizeof buf, "%.1f", *v);
  } else {
    std::snprintf(buf, sizeof buf, "%.3f", *v);
  }
  return buf;
}

std::optional<double> Ratio(const Row& r) {
  if (!r.portaria || !r.xapian || *r.xapian == 0) return std::nullopt;
  return *r.portaria / *r.xapian;
}

void PrintTable(const std::vector<Row>& rows) {
  std::size_t width = 6;
  for (const auto& r : rows) width = std::max(width, r.metric.size());
  std::printf("| %-*s | %12s | %15s | %7s |\n", static_cast<int>(width), "metric", "portaria",
              "xapian+snowball", "ratio");
  std::printf("|%s|%s|%s|%s|\n", std::string(width + 2, '-').c_str(), std::string(14, '-').c_str(),
              std::string(17, '-').c_str(), std::string(9, '-').c_str());
  for (const auto& r : rows) {
    std::optional<double> ratio = Ratio(r);
    std::string ratio_text = ratio ? Format(ratio) : "-";
    std::printf("| %-*s | %12s | %15s | %7s |\n", static_cast<int>(width), r.metric.c_str(),
                Format(r.portaria).c_str(), Format(r.xapian).c_str(), ratio_text.c_str());
  }
}

std::string TempRoot() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/portaria-bench-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) return {};
  return buf.data();
}

}  // namespace portaria::bench
