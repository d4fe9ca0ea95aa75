// Opening a gallery example (gallery/gallery.h). The picker and the explanation are the page's
// HTML (web/src/gallery.js); this side sets the program, its settings and, for an example with
// variants, compare mode: the variant the file itself is becomes the current run (the editor's
// program), the others are pinned in their order and run one after another.
#include "gallery.h"
#include "view.h"

namespace interleave::ui {

bool openGalleryExample(PageView& v, const std::string& slug) {
  const gallery::Example* ex = gallery::findExample(slug);
  if (!ex) return false;
  closeCompare(v);
  const bool hasVariants = ex->liveVariant >= 0;
  const gallery::Variant* live = hasVariants ? &ex->variants[static_cast<size_t>(ex->liveVariant)] : nullptr;

  // A new program: no selection, no cursor, no measured range; the chart fits the new run.
  v.state.code = live ? live->code : ex->source;
  v.state.settings = settingPairs(live ? live->settings : "");
  v.state.selectedLine = 0;
  v.state.selectedThread = -1;
  v.state.cursorNs = -1;
  v.state.viewStart = v.state.viewEnd = 0;
  v.state.collapsedGroups.clear();
  v.gantt.layoutOptions.collapsedGroups.clear();
  v.gantt.highlight = Highlight{};
  v.gantt.cursor = -1;
  v.gantt.selStart = v.gantt.selEnd = 0;
  v.playing = false;
  // The previous program's chart goes: its lanes have nothing to do with the new one's.
  v.runner.cancel("another program was opened");
  if (v.runner.hasResult()) v.runner.takeResult();
  v.result.reset();
  v.threadTotals.clear();
  setTrace(v.gantt, nullptr);
  ++v.codeSerial;
  v.runDueMs = v.clock();  // runs on the next tick

  if (hasVariants) {
    CompareView& c = v.compare;
    for (size_t i = 0; i < ex->variants.size(); ++i) {
      if (static_cast<int>(i) == ex->liveVariant) continue;
      auto p = std::make_unique<PinnedRun>();
      p->label = ex->variants[i].label;
      p->code = ex->variants[i].code;
      p->settings = settingPairs(ex->variants[i].settings);
      c.pinned.push_back(std::move(p));
    }
    // The runs' own lanes tell the story; the cores start folded (a click on "Cores" opens them).
    for (auto& p : c.pinned) p->gantt.layoutOptions.collapsedGroups = {kCoresGroup};
    v.gantt.layoutOptions.collapsedGroups = {kCoresGroup};
    c.shrinkPanel = true;
    c.livePos = ex->liveVariant;
    c.liveLabel = live->label;
    c.liveOriginalCode = live->code;
    c.fitPending = true;
    c.cursor = -1;
  }
  v.compare.gallerySlug = ex->slug;
  return true;
}

}  // namespace interleave::ui
