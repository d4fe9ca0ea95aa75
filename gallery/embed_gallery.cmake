# cmake -DOUTPUT=gallery_data.cpp -DGALLERY_DIR=dir -P embed_gallery.cmake
# Writes the bytes of every DIR/NN_slug.py (sorted by name) into a C++ table read by
# gallery.cpp, so the CLI and the page carry the gallery with them (the page fetches nothing).
file(GLOB files RELATIVE "${GALLERY_DIR}" "${GALLERY_DIR}/[0-9]*.py")
list(SORT files)
set(body "")
set(table "")
set(n 0)
foreach(name IN LISTS files)
  file(READ "${GALLERY_DIR}/${name}" hex HEX)
  string(LENGTH "${hex}" hexLength)
  math(EXPR size "${hexLength} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
  string(APPEND body "const unsigned char kFile${n}[] = {\n${bytes}0};\n")
  string(APPEND table "    {\"${name}\", kFile${n}, ${size}},\n")
  math(EXPR n "${n} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from gallery/*.py by gallery/embed_gallery.cmake. Do not edit.\n"
  "#include \"gallery.h\"\n"
  "namespace interleave::gallery {\n"
  "namespace {\n${body}}  // namespace\n"
  "const EmbeddedFile kEmbeddedGallery[] = {\n${table}    {nullptr, nullptr, 0}};\n"
  "const unsigned int kEmbeddedGalleryCount = ${n};\n"
  "}  // namespace interleave::gallery\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
