// The packed second-phase features (schema/features.h): the codec, the value the indexer writes
// (it must say what the single slots say, which Xapian sorts, collapses and counts by), and the
// window's facets, which the searcher counts from it.
#include "schema/features.h"

#include <xapian.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "schema/schema.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using schema::DecodeFeatures;
using schema::EncodeFeatures;
using schema::Features;

std::vector<Features> Cases() {
  Features full{"pt:dl-65-2021/a3/n2/c",
                "pt:dl-65-2021",
                "Centro Nacional de Pensões",
                "Decreto-Lei n.º 65/2021, de 30 de julho",
                "9f3a0c1d2e4b5a67",
                "dko",
                "2021-07-30",
                180};
  // A length past 127 takes two bytes; separators and NULs are only bytes.
  Features odd;
  odd.id = std::string(300, 'u');
  odd.unit = std::string(
      "a\x1f"
      "b\0c",
      5);
  odd.length = 127;
  Features longest;
  longest.date = std::string(128, 'd');
  longest.length = UINT32_MAX;
  return {{}, full, odd, longest};
}

TEST(FeaturesTest, WhatIsEncodedDecodesTheSame) {
  for (const Features& f : Cases()) {
    Features got;
    ASSERT_TRUE(DecodeFeatures(EncodeFeatures(f), &got)) << f.id;
    EXPECT_EQ(got, f);
  }
}

TEST(FeaturesTest, ACutOrPaddedValueIsRefused) {
  for (const Features& f : Cases()) {
    std::string data = EncodeFeatures(f);
    for (std::size_t n = 0; n < data.size(); ++n) {
      Features got;
      EXPECT_FALSE(DecodeFeatures(std::string_view(data).substr(0, n), &got)) << n;
    }
    Features got;
    EXPECT_FALSE(DecodeFeatures(data + "x", &got));
  }
}

// 240 paragraphs about pensions, in three units (one of them none), two sources and two dates.
std::string MakeDatabase() {
  std::filesystem::path dir = testing::FreshDir("features");
  {
    std::ofstream out(dir / "records.jsonl");
    const char* units[] = {"Centro Nacional de Pensões", "Centro Distrital de Lisboa", ""};
    for (int i = 0; i < 240; ++i) {
      nlohmann::json r = {
          {"id", "f:" + std::to_string(i)},
          {"text", "O serviço " + std::to_string(i) + " paga as pensões de velhice" +
                       (i % 4 ? "." : ": considera-se pensão a prestação mensal.")},
          {"unit", units[i % 3]},
          {"source", i % 2 ? "Portaria n.º 1/2020" : "Portaria n.º 2/2021"},
          {"date", i % 2 ? "2020-01-02" : "2021-03-04"}};
      out << r.dump() << "\n";
    }
  }
  std::string db = (dir / "db").string();
  std::unique_ptr<IndexWriter> w;
  EXPECT_TRUE(IndexWriter::Open(db, &w).ok());
  IndexStats stats;
  EXPECT_TRUE(w->IndexPaths({(dir / "records.jsonl").string()}, {}, &stats).ok());
  EXPECT_EQ(stats.paragraphs_added, 240u);
  return db;
}

TEST(FeaturesTest, TheIndexedValueSaysWhatTheSingleSlotsSay) {
  Xapian::Database db(MakeDatabase());
  ASSERT_EQ(db.get_doccount(), 240u);
  std::size_t with_types = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document d = db.get_document(*it);
    Features f;
    ASSERT_TRUE(DecodeFeatures(d.get_value(schema::kSlotFeatures), &f)) << *it;
    EXPECT_EQ(f.id, d.get_value(schema::kSlotId));
    EXPECT_EQ(f.doc, d.get_value(schema::kSlotDoc));
    EXPECT_EQ(f.unit, d.get_value(schema::kSlotUnit));
    EXPECT_EQ(f.source, d.get_value(schema::kSlotSource));
    EXPECT_EQ(f.collapse, d.get_value(schema::kSlotCollapse));
    EXPECT_EQ(f.answer_types, d.get_value(schema::kSlotAnswerTypes));
    EXPECT_EQ(f.date, d.get_value(schema::kSlotDate));
    EXPECT_EQ(f.length, db.get_doclength(*it));
    EXPECT_GT(f.length, 0u);
    EXPECT_FALSE(f.id.empty());
    EXPECT_FALSE(f.date.empty());
    if (!f.answer_types.empty()) ++with_types;
  }
  EXPECT_GT(with_types, 0u);  // the definitions give a type: the field is not always empty
}

// Past the window the facets count the window's paragraphs, each once, as a value-count spy
// would: one per paragraph with a unit (none for those without), one per source. With every
// match counted they are the exact figures.
TEST(FeaturesTest, TheWindowsFacetsCountEachOfItsParagraphsOnce) {
  std::string db = MakeDatabase();
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  auto sum = [](const std::map<std::string, std::size_t>& counts) {
    std::size_t n = 0;
    for (const auto& [value, count] : counts) n += count;
    return n;
  };
  SearchRequest request;
  request.query = "pensões de velhice";
  request.rerank_window = 30;
  SearchResponse window;
  ASSERT_TRUE(searcher->Search(request, &window).ok());
  ASSERT_FALSE(window.facets_exact);
  EXPECT_EQ(sum(window.facets["source"]), 30u);
  EXPECT_GT(sum(window.facets["unit"]), 0u);
  EXPECT_LE(sum(window.facets["unit"]), 30u);
  EXPECT_FALSE(window.facets["unit"].contains(""));
  request.exact_counts = true;
  SearchResponse exact;
  ASSERT_TRUE(searcher->Search(request, &exact).ok());
  ASSERT_TRUE(exact.facets_exact);
  EXPECT_EQ(exact.facets["source"],
            (std::map<std::string, std::size_t>{{"Portaria n.º 1/2020", 120},
                                                {"Portaria n.º 2/2021", 120}}));
  EXPECT_EQ(sum(exact.facets["unit"]), 160u);
}

}  // namespace
}  // namespace portaria
