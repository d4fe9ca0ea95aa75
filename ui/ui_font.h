// The UI font, baked into the binary at build time (ui/CMakeLists.txt: a Latin subset of
// Debian's DejaVu Sans, fonts-dejavu-core), so the page fetches no file.
#pragma once

extern const unsigned char kInterleaveUiFont[];
extern const unsigned int kInterleaveUiFontSize;
