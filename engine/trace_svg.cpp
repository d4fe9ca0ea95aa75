// traceToSvg: the Gantt chart as one self-contained SVG file (for slides and documents), drawn
// like the page's chart (ui/view_timeline.cpp): the same lane groups, colours, folding of
// sub-pixel spans and instant marks, all from chart_model.h.
//
// Deterministic bytes natively and in wasm: integer arithmetic only (times in ns, coordinates
// in tenths of a pixel, printed with at most one decimal), no locale, no floating-point
// printing; text widths come from a fixed table of DejaVu Sans advance widths, not from a font
// engine.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chart_model.h"
#include "json_escape.h"
#include "trace_writers.h"

namespace interleave {
namespace {

// ---- geometry (pixels; the page's chart at 1x, ui/view_timeline.cpp) ---------------------------

constexpr int kMargin = 12;
constexpr int kFontPx = 12;       // labels, legend, axis
constexpr int kTitlePx = 15;      // the title line
constexpr int kLaneH = 22;        // as LayoutOptions (ui/timeline_layout.h)
constexpr int kHeaderH = 22;
constexpr int kGap = 2;
constexpr int kBarPad = 3;        // bar inset from its row, top and bottom
constexpr int kAxisH = 24;
constexpr int kSwatch = 11;       // legend squares
constexpr int kMinItemPx = 3;     // narrower spans fold, as on the page (view_timeline: 3 * scale)
constexpr int kInstantSpacingPx = 4;  // closer instants of a kind merge, as on the page
constexpr int kMinLabelPx = 24;   // a bar shows its label only if wider than this
constexpr int kOutlinePx = 8;     // ... and its outline
constexpr int kMinNameColumn = 110;
constexpr int kTickLabelGapPx = 18;
constexpr int kMinTickSpacingPx = 80;

// Bounds on the output. Folding keeps a lane to about two elements per kMinItemPx pixels, so a
// million-segment trace stays small; these limits only bite with hundreds of busy lanes. Past
// them the file says what was left out. Reason: beyond ~100k elements (~10 MB) slide tools and
// browsers open an SVG slowly or not at all, and a chart taller than ~40,000 px is unreadable.
constexpr size_t kMaxElements = 100000;
constexpr size_t kMaxRows = 2000;

// Chart chrome (ui/view_timeline.cpp's light theme).
constexpr uint32_t kBackground = 0xFFFFFF;
constexpr uint32_t kStripe = 0xF4F5F7;
constexpr uint32_t kHeaderBg = 0xE2E6EB;
constexpr uint32_t kAxisBg = 0xF7F8FA;
constexpr uint32_t kBorder = 0xB8BEC6;
constexpr uint32_t kGrid = 0xE1E4E8;
constexpr uint32_t kText = 0x1F2328;
constexpr uint32_t kMuted = 0x59636E;
constexpr uint32_t kFoldLegend = 0x8A8F98;
constexpr uint32_t kDropRequest = 0xB00020;
constexpr uint32_t kStopped = 0xB35900;

// DejaVu Sans advance widths of U+0020..U+007E in font units (2048 per em), from
// /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf (the page's UI font). Bold runs ~10% wider.
constexpr uint16_t kAsciiAdvance[95] = {
    651,  821,  942,  1716, 1303, 1946, 1597, 563,  799,  799,  1024, 1716, 651,  739,  651,  690,
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690,  690,  1716, 1716, 1716, 1087,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,  690,  799,  1716, 1024,
    1024, 1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,  1186, 569,  1995, 1298, 1253,
    1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,  1303, 1716};
constexpr int kUnitsPerEm = 2048;
constexpr int kWideAdvance = 2048;   // CJK and other wide scripts: one em
constexpr int kOtherAdvance = 1303;  // other non-ASCII letters: a digit's width

using Px = int64_t;  // tenths of a pixel
constexpr Px px(int64_t pixels) { return pixels * 10; }

// ---- text -------------------------------------------------------------------------------------

// Decodes the code point at s[i] (valid UTF-8 of length n).
uint32_t codePoint(std::string_view s, size_t i, size_t n) {
  const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k])); };
  if (n == 1) return b(0);
  if (n == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  if (n == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

int advanceOf(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return kAsciiAdvance[cp - 0x20];
  if (cp == 0x2026) return 2048;  // …
  if (cp >= 0x2E80) return kWideAdvance;
  return kOtherAdvance;
}

// Estimated width of `text` at `fontPx`, in tenths of a pixel.
Px textWidth(std::string_view text, int fontPx, bool bold = false) {
  int64_t units = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t n = detail::utf8SequenceLength(text, i);
    if (n == 0) {
      units += kOtherAdvance;
      ++i;
      continue;
    }
    units += advanceOf(codePoint(text, i, n));
    i += n;
  }
  if (bold) units = units * 11 / 10;
  return units * fontPx * 10 / kUnitsPerEm;
}

// `text` if it fits in maxWidth, else its longest prefix (of at least two characters) that fits
// with an ellipsis, else "".
std::string fitText(const std::string& text, Px maxWidth, int fontPx, bool bold = false) {
  if (text.empty() || textWidth(text, fontPx, bold) <= maxWidth) return text;
  static const std::string kEllipsis = "\xE2\x80\xA6";
  // Code point boundaries, then the longest prefix that fits.
  std::vector<size_t> cuts;
  for (size_t i = 0; i < text.size();) {
    size_t n = detail::utf8SequenceLength(text, i);
    i += n == 0 ? 1 : n;
    cuts.push_back(i);
  }
  for (size_t k = cuts.size(); k-- > 1;) {
    const size_t len = cuts[k - 1];
    std::string candidate = text.substr(0, len) + kEllipsis;
    if (textWidth(candidate, fontPx, bold) <= maxWidth) return k >= 2 ? candidate : std::string();
  }
  return {};
}

// XML character data / attribute text: & < > " ' escaped; invalid UTF-8, control characters
// (XML 1.0 allows only tab, newline and carriage return, which become spaces in our one-line
// labels) and the non-characters U+FFFE/U+FFFF become U+FFFD.
void appendXml(std::string& out, std::string_view s) {
  static const char kReplacement[] = "\xEF\xBF\xBD";
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = detail::utf8SequenceLength(s, i);
      if (n == 0) {
        out += kReplacement;
        ++i;
        continue;
      }
      const uint32_t cp = codePoint(s, i, n);
      if (cp == 0xFFFE || cp == 0xFFFF) {
        out += kReplacement;
      } else {
        out.append(s.data() + i, n);
      }
      i += n;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t':
      case '\n':
      case '\r': out += ' '; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += kReplacement;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
}

// ---- numbers ----------------------------------------------------------------------------------

void appendPx(std::string& out, Px v) {
  if (v < 0) {
    out += '-';
    v = -v;
  }
  out += std::to_string(v / 10);
  if (v % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + v % 10);
  }
}

std::string hexColor(uint32_t rgb) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string s = "#";
  for (int shift = 20; shift >= 0; shift -= 4) s += kHex[(rgb >> shift) & 0xF];
  return s;
}

struct TimeUnit {
  Nanos size;
  const char* name;
  int exponent;  // size = 10^exponent
};

// The unit in which times up to `magnitude` read best, as on the page (ui unitFor).
TimeUnit unitFor(Nanos magnitude) {
  if (magnitude < 0) magnitude = magnitude == INT64_MIN ? INT64_MAX : -magnitude;
  if (magnitude < kMicrosecond) return {1, "ns", 0};
  if (magnitude < kMillisecond) return {kMicrosecond, "\xC2\xB5s", 3};
  if (magnitude < kSecond) return {kMillisecond, "ms", 6};
  return {kSecond, "s", 9};
}

// A duration for people, three significant digits ("1.25 ms", "312 µs", "17 ns"); trailing
// zeros go only when the value is exact ("5 ms", "2.5 s", but "1.00 s" for 1000.11 ms).
std::string humanDuration(Nanos ns) {
  const TimeUnit u = unitFor(ns);
  const Nanos whole = (ns < 0 ? -(ns / u.size) : ns / u.size);
  int decimals = u.size == 1 ? 0 : whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
  std::string s = formatFixed(ns, u.size, decimals);
  Nanos quantum = u.size;
  for (int d = 0; d < decimals; ++d) quantum /= 10;
  if (decimals > 0 && ns % quantum == 0) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s + " " + u.name;
}

// ---- the time axis ----------------------------------------------------------------------------

struct Axis {
  Nanos step = 1;       // between major ticks: 1, 2 or 5 x 10^k ns
  Nanos minorStep = 0;  // 0: no minor ticks
  int decimals = 0;
  TimeUnit unit{1, "ns", 0};
};

std::string axisLabel(const Axis& a, Nanos t) {
  return formatFixed(t, a.unit.size, a.decimals) + " " + a.unit.name;
}

// The smallest 1-2-5 x 10^k step whose major ticks are at least spacing (tenths of a pixel)
// apart, for `span` ns over `width` tenths of a pixel.
Axis chooseAxis(Nanos start, Nanos end, Px width, Px spacing) {
  Axis a;
  const Nanos span = end - start;
  a.unit = unitFor(std::max(start < 0 ? -start : start, end < 0 ? -end : end));
  static const Nanos kMantissa[] = {1, 2, 5};
  int exponent = 0;
  for (Nanos decade = 1;; decade *= 10, ++exponent) {
    for (Nanos m : kMantissa) {
      const Nanos step = m * decade;
      // step * width / span >= spacing, in 128 bits.
      if (static_cast<__int128>(step) * width >= static_cast<__int128>(spacing) * span) {
        a.step = step;
        a.decimals = std::max(0, a.unit.exponent - exponent);
        const Nanos divisor = m == 2 ? 4 : 5;
        a.minorStep = step % divisor == 0 ? step / divisor : 0;
        return a;
      }
    }
    if (decade > INT64_MAX / 50) break;
  }
  a.step = span > 0 ? span : 1;
  return a;
}

// Rounds t down to a multiple of step (also for negative t).
Nanos floorTo(Nanos t, Nanos step) {
  Nanos q = t / step;
  if (t % step != 0 && t < 0) --q;
  return q * step;
}

// ---- the document -----------------------------------------------------------------------------

class Writer {
 public:
  size_t elements = 0;
  std::string out;

  void rect(Px x, Px y, Px w, Px h, const std::string& fill, const char* extra = nullptr) {
    out += "<rect x=\"";
    appendPx(out, x);
    out += "\" y=\"";
    appendPx(out, y);
    out += "\" width=\"";
    appendPx(out, w);
    out += "\" height=\"";
    appendPx(out, h);
    out += "\" fill=\"";
    out += fill;
    out += '"';
    if (extra) out += extra;
    out += "/>\n";
    ++elements;
  }
  void line(Px x0, Px y0, Px x1, Px y1, uint32_t rgb) {
    out += "<line x1=\"";
    appendPx(out, x0);
    out += "\" y1=\"";
    appendPx(out, y0);
    out += "\" x2=\"";
    appendPx(out, x1);
    out += "\" y2=\"";
    appendPx(out, y1);
    out += "\" stroke=\"";
    out += hexColor(rgb);
    out += "\"/>\n";
    ++elements;
  }
  // anchor: "start", "middle" or "end"; y is the baseline.
  void text(Px x, Px y, const std::string& s, uint32_t rgb, const char* anchor = "start",
            int fontPx = kFontPx, bool bold = false) {
    if (s.empty()) return;
    out += "<text x=\"";
    appendPx(out, x);
    out += "\" y=\"";
    appendPx(out, y);
    out += '"';
    if (fontPx != kFontPx) out += " font-size=\"" + std::to_string(fontPx) + "\"";
    if (bold) out += " font-weight=\"bold\"";
    if (std::string_view(anchor) != "start") {
      out += " text-anchor=\"";
      out += anchor;
      out += '"';
    }
    out += " fill=\"";
    out += hexColor(rgb);
    out += "\">";
    appendXml(out, s);
    out += "</text>\n";
    ++elements;
  }
  void polygon(const std::vector<Px>& points, uint32_t rgb) {
    out += "<polygon points=\"";
    for (size_t i = 0; i < points.size(); ++i) {
      if (i) out += i % 2 ? "," : " ";
      appendPx(out, points[i]);
    }
    out += "\" fill=\"";
    out += hexColor(rgb);
    out += "\"/>\n";
    ++elements;
  }
};

// The text inside a bar: its label, or on core and GIL lanes the thread's name (as the page).
std::string segmentText(const Trace& t, const Lane& lane, const Segment& s) {
  const std::string& label = t.str(s.label);
  if (!label.empty()) return label;
  if (lane.kind == LaneKind::Core || lane.kind == LaneKind::Gil) {
    for (const ThreadInfo& info : t.threads)
      if (info.id == s.thread) return info.name;
  }
  return {};
}

struct Row {
  bool header = false;
  int32_t lane = -1;
  const LaneGroup* group = nullptr;
  bool collapsed = false;
  Px y = 0, h = 0;  // relative to the top of the lanes
  std::string label;
};

}  // namespace

std::string traceToSvg(const Trace& trace, const SvgOptions& options) {
  const int width = std::clamp(options.width, kSvgMinWidth, kSvgMaxWidth);
  Nanos start = options.start, end = options.end;
  if (end <= start) {
    start = 0;
    end = traceEnd(trace);
  }
  const bool wholeTrace = start == 0 && end == traceEnd(trace);
  const Nanos span = end - start;  // > 0

  // ---- rows ----
  const std::vector<LaneGroup> groups = laneGroups(trace);
  std::vector<Row> rows;
  size_t rowsLeftOut = 0;
  {
    Px y = 0;
    auto add = [&](Row r) {
      if (rows.size() >= kMaxRows) {
        ++rowsLeftOut;
        return;
      }
      r.y = y;
      y += r.h + px(kGap);
      rows.push_back(std::move(r));
    };
    for (const LaneGroup& g : groups) {
      Row h;
      h.header = true;
      h.group = &g;
      h.h = px(kHeaderH);
      h.label = g.label;
      h.collapsed = std::find(options.collapsedGroups.begin(), options.collapsedGroups.end(),
                              g.group) != options.collapsedGroups.end();
      const bool collapsed = h.collapsed;
      add(std::move(h));
      if (collapsed) continue;
      for (int32_t lane : g.lanes) {
        Row r;
        r.lane = lane;
        r.group = &g;
        r.h = px(kLaneH);
        const Lane& l = trace.lanes[static_cast<size_t>(lane)];
        r.label = l.name.empty() ? "lane " + std::to_string(l.id) : l.name;
        add(std::move(r));
      }
    }
  }

  // ---- horizontal layout ----
  const Px headerIndent = px(8) + px(kFontPx) * 6 / 10 + px(4);
  const Px laneIndent = headerIndent + px(6);
  Px nameW = 0;
  for (const Row& r : rows)
    nameW = std::max(nameW, textWidth(r.label, kFontPx, r.header) + (r.header ? headerIndent : laneIndent));
  const Px chartX = px(kMargin);
  const Px chartW = px(width - 2 * kMargin);
  nameW = std::clamp(nameW + px(14), px(kMinNameColumn), std::max(px(kMinNameColumn), chartW * 35 / 100));
  const Px timeX = chartX + nameW;
  const Px timeW = std::max<Px>(px(40), chartW - nameW);
  const auto xOf = [&](Nanos t) -> Px {
    if (t <= start) return timeX;
    if (t >= end) return timeX + timeW;
    return timeX + static_cast<Px>(static_cast<__int128>(t - start) * timeW / span);
  };
  // ns narrower than kMinItemPx pixels: d < minNs exactly when d * timeW < kMinItemPx * span.
  const auto nsFor = [&](int pixels) -> Nanos {
    const __int128 num = static_cast<__int128>(span) * px(pixels);
    const __int128 q = (num + timeW - 1) / timeW;  // ceil
    return q > INT64_MAX / 4 ? INT64_MAX / 4 : static_cast<Nanos>(q);
  };
  const Nanos minNs = nsFor(kMinItemPx);

  // ---- the chart body (relative y; shifted into place at the end) ----
  Writer body;
  bool anyFold = false;
  bool foldPattern[static_cast<int>(State::Count)] = {};
  bool truncated = false;
  const Px lanesTop = px(kAxisH);
  const Px lanesH = rows.empty() ? px(kLaneH) : rows.back().y + rows.back().h + px(kGap);
  const Px chartH = lanesTop + lanesH;

  // Row backgrounds and names.
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const Px y0 = lanesTop + r.y;
    if (r.header) {
      body.rect(chartX, y0, chartW, r.h, hexColor(kHeaderBg));
    } else if ((i & 1) == 0) {
      body.rect(chartX, y0, chartW, r.h, hexColor(kStripe));
    }
  }
  // Major grid lines (under the bars).
  Px tickSpacing = px(kMinTickSpacingPx);
  Axis axis = chooseAxis(start, end, timeW, tickSpacing);
  for (int pass = 0; pass < 2; ++pass) {
    Px widest = 0;
    for (Nanos t = floorTo(start, axis.step); t <= end; t += axis.step) {
      if (t >= start) widest = std::max(widest, textWidth(axisLabel(axis, t), kFontPx));
      if (t > INT64_MAX - axis.step) break;
    }
    if (widest + px(kTickLabelGapPx) <= tickSpacing) break;
    tickSpacing = widest + px(kTickLabelGapPx);
    axis = chooseAxis(start, end, timeW, tickSpacing);
  }
  std::vector<Nanos> majors;
  for (Nanos t = floorTo(start, axis.step); t <= end; t += axis.step) {
    if (t >= start) majors.push_back(t);
    if (t > INT64_MAX - axis.step) break;
  }
  for (Nanos t : majors) body.line(xOf(t) + 5, lanesTop, xOf(t) + 5, chartH, kGrid);

  // Bars.
  std::vector<char> laneShown(trace.lanes.size(), 0);
  std::vector<Px> laneY(trace.lanes.size(), -1);
  for (const Row& r : rows) {
    if (r.header) continue;
    laneShown[static_cast<size_t>(r.lane)] = 1;
    laneY[static_cast<size_t>(r.lane)] = lanesTop + r.y;
  }
  size_t lanesNotDrawn = 0;
  for (const Row& r : rows) {
    if (r.header) continue;
    if (truncated) {
      ++lanesNotDrawn;
      continue;
    }
    const Lane& lane = trace.lanes[static_cast<size_t>(r.lane)];
    const std::vector<Segment>& segs = lane.segments;
    const Px y0 = lanesTop + r.y + px(kBarPad);
    const Px h = r.h - 2 * px(kBarPad);
    size_t i = firstSegmentEndingAfter(lane, start);
    // One bar per fold, and per run of touching segments that differ only in their line.
    while (i < segs.size() && segs[i].start < end) {
      if (body.elements >= kMaxElements) {
        truncated = true;
        ++lanesNotDrawn;
        break;
      }
      Nanos itemEnd = 0;
      size_t j = foldRunEnd(segs, i, end, minNs, &itemEnd);
      const Px x0 = xOf(segs[i].start);
      if (j - i > 1) {
        const State st = dominantState(segs, i, j);
        foldPattern[static_cast<int>(st)] = true;
        anyFold = true;
        const Px x1 = std::max(xOf(itemEnd), x0 + px(1));
        body.rect(x0, y0, x1 - x0, h, "url(#fold" + std::to_string(static_cast<int>(st)) + ")");
        i = j;
        continue;
      }
      // A real segment: extend over the following real segments it runs into.
      const size_t first = i;
      i = j;
      while (i < segs.size() && segs[i].start < end && continuesRun(segs[i - 1], segs[i])) {
        Nanos e = 0;
        if (foldRunEnd(segs, i, end, minNs, &e) != i + 1) break;  // a fold starts there
        itemEnd = e;
        ++i;
      }
      const Px x1 = std::max(xOf(itemEnd), x0 + px(1));
      const uint32_t rgb = stateColor(segs[first].state);
      std::string stroke;
      if (x1 - x0 >= px(kOutlinePx)) stroke = " stroke=\"" + hexColor(shade(rgb, 0.7f)) + "\"";
      body.rect(x0, y0, x1 - x0, h, hexColor(rgb), stroke.empty() ? nullptr : stroke.c_str());
      if (x1 - x0 > px(kMinLabelPx)) {
        const std::string label =
            fitText(segmentText(trace, lane, segs[first]), x1 - x0 - px(8), kFontPx);
        body.text((x0 + x1) / 2, y0 + h / 2 + px(4), label, textColorOn(rgb), "middle");
      }
    }
  }

  // Instants: GIL hand-offs under the GIL lane's bar, drop requests over the thread's bar,
  // scenario marks as lines (as the page).
  std::vector<MergedInstant> marks;
  mergeInstants(trace, start, end, laneShown,
                {InstantKind::GilHandoff, InstantKind::DropRequest, InstantKind::Mark},
                nsFor(kInstantSpacingPx), &marks);
  for (const MergedInstant& m : marks) {
    if (body.elements >= kMaxElements) {
      truncated = true;
      break;
    }
    const Px x = xOf(m.time);
    const Px rowY = laneY[static_cast<size_t>(m.lane)];
    const Px a = 35;  // 3.5 px
    if (m.kind == InstantKind::GilHandoff) {
      const Px b = rowY + px(kLaneH);
      body.polygon({x - a, b, x + a, b, x, b - a * 13 / 10}, 0x000000);
    } else if (m.kind == InstantKind::DropRequest) {
      body.polygon({x - a, rowY, x + a, rowY, x, rowY + a * 13 / 10}, kDropRequest);
    } else {
      body.line(x, rowY, x, rowY + px(kLaneH), 0x000000);
    }
  }

  // Lane names over a band (as the page), group headers with a disclosure triangle.
  body.rect(chartX, lanesTop, nameW, lanesH, hexColor(kAxisBg));
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const Px y0 = lanesTop + r.y;
    const Px baseline = y0 + r.h / 2 + px(4);
    if (r.header) {
      body.rect(chartX, y0, nameW, r.h, hexColor(kHeaderBg));
      const Px cx = chartX + px(8) + px(4), cy = y0 + r.h / 2, a = 30;
      if (r.collapsed) {
        body.polygon({cx - a * 6 / 10, cy - a, cx - a * 6 / 10, cy + a, cx + a * 9 / 10, cy}, kText);
        const size_t n = r.group->lanes.size();
        const std::string hidden = std::to_string(n) + (n == 1 ? " lane hidden" : " lanes hidden");
        body.text(timeX + px(8), baseline, hidden, kMuted);
      } else {
        body.polygon({cx - a, cy - a * 6 / 10, cx + a, cy - a * 6 / 10, cx, cy + a * 9 / 10}, kText);
      }
      body.text(chartX + headerIndent, baseline,
                fitText(r.label, nameW - headerIndent - px(4), kFontPx, true), kText, "start",
                kFontPx, true);
    } else {
      body.text(chartX + laneIndent, baseline, fitText(r.label, nameW - laneIndent - px(4), kFontPx),
                kText);
    }
  }
  body.line(timeX - 5, 0, timeX - 5, chartH, kBorder);

  // The axis band: ticks and labels.
  body.rect(chartX, 0, chartW, lanesTop, hexColor(kAxisBg));
  body.line(chartX, lanesTop - 5, chartX + chartW, lanesTop - 5, kBorder);
  body.text(chartX + px(8), px(16), fitText(humanDuration(span) + " shown", nameW - px(12), kFontPx),
            kMuted);
  if (axis.minorStep > 0) {
    for (Nanos t = floorTo(start, axis.minorStep); t <= end; t += axis.minorStep) {
      if (t >= start && t % axis.step != 0)
        body.line(xOf(t) + 5, lanesTop - px(kAxisH) / 5, xOf(t) + 5, lanesTop, kMuted);
      if (t > INT64_MAX - axis.minorStep) break;
    }
  }
  for (Nanos t : majors) {
    const Px x = xOf(t) + 5;
    body.line(x, lanesTop - px(kAxisH) * 45 / 100, x, lanesTop, kText);
    const std::string label = axisLabel(axis, t);
    if (x + px(4) + textWidth(label, kFontPx) < timeX + timeW - px(2))
      body.text(x + px(4), px(15), label, kText);
  }
  body.rect(chartX, 0, chartW, chartH, "none", " stroke=\"#B8BEC6\"");

  // ---- title, summary, legend (above the chart) ----
  Writer head;
  const Px textW = px(width - 2 * kMargin);
  Px y = px(kMargin) + px(kTitlePx);
  const std::string title = options.title.empty() ? std::string("Interleave") : options.title;
  head.text(px(kMargin), y, fitText(title, textW, kTitlePx, true), kText, "start", kTitlePx, true);
  {
    const Metrics& m = trace.metrics;
    std::string summary = "makespan " + humanDuration(m.makespan) + " \xC2\xB7 speedup " +
                          formatFixed(m.speedupPermille, 1000, 2) + "\xC3\x97 \xC2\xB7 " +
                          std::to_string(trace.config.cores) +
                          (trace.config.cores == 1 ? " core" : " cores") + " \xC2\xB7 ";
    summary += trace.config.gil ? "GIL on, switch interval " + humanDuration(trace.config.switchInterval)
                                : std::string("GIL off (free-threaded)");
    if (!wholeTrace)
      summary += " \xC2\xB7 showing " + (start == 0 ? std::string("0") : humanDuration(start)) +
                 " \xE2\x80\x93 " + humanDuration(end);
    y += px(19);
    head.text(px(kMargin), y, fitText(summary, textW, kFontPx), kMuted);
    if (!trace.stopReason.empty()) {
      y += px(17);
      head.text(px(kMargin), y, fitText("stopped: " + trace.stopReason, textW, kFontPx), kStopped);
    }
  }
  // Legend: the states in the trace, folds if any were drawn, the instant marks in the trace.
  {
    bool statePresent[static_cast<int>(State::Count)] = {};
    for (const Lane& l : trace.lanes)
      for (const Segment& s : l.segments)
        if (static_cast<int>(s.state) < static_cast<int>(State::Count)) statePresent[static_cast<int>(s.state)] = true;
    bool handoffs = false, drops = false;
    for (const Instant& in : trace.instants) {
      handoffs = handoffs || in.kind == InstantKind::GilHandoff;
      drops = drops || in.kind == InstantKind::DropRequest;
    }
    y += px(10);
    Px x = px(kMargin);
    Px lineTop = y;
    const Px entryH = px(18);
    auto entry = [&](const std::string& label, auto drawMark) {
      const Px w = px(kSwatch) + px(6) + textWidth(label, kFontPx);
      if (x > px(kMargin) && x + w > px(width - kMargin)) {
        x = px(kMargin);
        lineTop += entryH;
      }
      drawMark(x, lineTop + px(3));
      head.text(x + px(kSwatch) + px(5), lineTop + px(13), label, kText);
      x += w + px(16);
    };
    for (int i = 0; i < static_cast<int>(State::Count); ++i) {
      if (!statePresent[i]) continue;
      const State st = static_cast<State>(i);
      const uint32_t rgb = stateColor(st);
      const bool noGil = !trace.config.gil && st == State::RunningPython;
      entry(noGil ? "Running Python (no GIL)" : stateTitle(st), [&](Px sx, Px sy) {
        head.rect(sx, sy, px(kSwatch), px(kSwatch), hexColor(rgb),
                  (" stroke=\"" + hexColor(shade(rgb, 0.6f)) + "\"").c_str());
      });
    }
    if (anyFold) {
      entry("short spans merged (zoom in)", [&](Px sx, Px sy) {
        head.rect(sx, sy, px(kSwatch), px(kSwatch), "url(#foldLegend)",
                  (" stroke=\"" + hexColor(shade(kFoldLegend, 0.6f)) + "\"").c_str());
      });
    }
    if (handoffs) {
      entry("GIL hand-off", [&](Px sx, Px sy) {
        const Px cx = sx + px(kSwatch) / 2, b = sy + px(kSwatch);
        head.polygon({cx - 35, b, cx + 35, b, cx, b - 46}, 0x000000);
      });
    }
    if (drops) {
      entry("drop request", [&](Px sx, Px sy) {
        const Px cx = sx + px(kSwatch) / 2;
        head.polygon({cx - 35, sy, cx + 35, sy, cx, sy + 46}, kDropRequest);
      });
    }
    y = lineTop + entryH + px(8);
  }
  const Px chartTop = y;
  Px height = chartTop + chartH + px(kMargin);
  std::string notes;
  if (truncated || rowsLeftOut > 0) {
    std::string note = "Not all of the trace is drawn: ";
    if (rowsLeftOut > 0) note += std::to_string(rowsLeftOut) + " rows past the limit of " + std::to_string(kMaxRows) + "; ";
    if (truncated)
      note += "the bars of " + std::to_string(lanesNotDrawn) + " lanes past the limit of " +
              std::to_string(kMaxElements) + " elements; ";
    note += "export a shorter time range or fold processes.";
    Writer w;
    w.text(px(kMargin), height + px(4), fitText(note, textW, kFontPx), kStopped);
    notes = w.out;
    height += px(20);
  }
  // Whole pixels for the document size.
  const int64_t heightPx = (height + 9) / 10;

  // ---- assemble ----
  std::string out;
  out.reserve(body.out.size() + head.out.size() + 4096);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(heightPx) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(heightPx) + "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
         "font-size=\"" + std::to_string(kFontPx) + "\" data-start-ns=\"" + std::to_string(start) +
         "\" data-end-ns=\"" + std::to_string(end) + "\">\n";
  out += "<title>";
  appendXml(out, title);
  out += "</title>\n<desc>Interleave: a simulated run drawn as a Gantt chart, one row per core, GIL and thread.</desc>\n";
  // Folds: the state's colour tinted, hatched with the colour itself (as the page).
  out += "<defs>\n";
  auto pattern = [&](const std::string& id, uint32_t rgb) {
    out += "<pattern id=\"" + id + "\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
           "<rect width=\"4\" height=\"4\" fill=\"" + hexColor(tint(rgb, kFoldTint)) +
           "\"/><path d=\"M-1,1 L1,-1 M0,4 L4,0 M3,5 L5,3\" stroke=\"" + hexColor(rgb) + "\"/></pattern>\n";
  };
  for (int i = 0; i < static_cast<int>(State::Count); ++i)
    if (foldPattern[i]) pattern("fold" + std::to_string(i), stateColor(static_cast<State>(i)));
  if (anyFold) pattern("foldLegend", kFoldLegend);
  out += "</defs>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"" + hexColor(kBackground) + "\"/>\n";
  out += head.out;
  out += "<g transform=\"translate(0,";
  appendPx(out, chartTop);
  out += ")\">\n";
  out += body.out;
  out += "</g>\n";
  out += notes;
  out += "</svg>\n";
  return out;
}

}  // namespace interleave
