// The lexer: a port of CPython 3.11's Parser/tokenizer.c for the parts Python source needs
// (see lexer.h). Error messages and their positions follow CPython's, including its quirks
// (e.g. "unindent does not match" points just past the end of the line), so that the page
// shows the same caret as `python3` would.
#include "lexer.h"

#include <algorithm>
#include <cstdio>

namespace interleave::lang {

const char* tokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Op: return "OP";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::Error: return "ERRORTOKEN";
  }
  return "?";
}

namespace {

// Unicode classes of every code point >= U+0080, generated from CPython 3.11's unicodedata
// (Unicode 14.0): runs of (first code point << 2 | class), sorted, where class is
// 0 = other printable, 1 = identifier start (str.isidentifier()), 2 = identifier continue only,
// 3 = not printable (str.isprintable() is False).
// Generated with: for c in range(0x80, 0x110000): classify chr(c); emit a run at each change.
const uint32_t kUnicodeRuns[] = {
    0x203, 0x284, 0x2a9, 0x2ac, 0x2b7, 0x2b8, 0x2d5, 0x2d8, 0x2de, 0x2e0,
    0x2e9, 0x2ec, 0x301, 0x35c, 0x361, 0x3dc, 0x3e1, 0xb08, 0xb19, 0xb48,
    0xb81, 0xb94, 0xbb1, 0xbb4, 0xbb9, 0xbbc, 0xc02, 0xdc1, 0xdd4, 0xdd9,
    0xde3, 0xde8, 0xded, 0xdf8, 0xdfd, 0xe03, 0xe10, 0xe19, 0xe1e, 0xe21,
    0xe2f, 0xe31, 0xe37, 0xe39, 0xe8b, 0xe8d, 0xfd8, 0xfdd, 0x1208, 0x120e,
    0x1220, 0x1229, 0x14c3, 0x14c5, 0x155f, 0x1565, 0x1568, 0x1581, 0x1624, 0x162f,
    0x1634, 0x1643, 0x1646, 0x16f8, 0x16fe, 0x1700, 0x1706, 0x170c, 0x1712, 0x1718,
    0x171e, 0x1723, 0x1741, 0x17af, 0x17bd, 0x17cc, 0x17d7, 0x1818, 0x1842, 0x186c,
    0x1873, 0x1874, 0x1881, 0x192e, 0x19a8, 0x19b9, 0x19c2, 0x19c5, 0x1b50, 0x1b55,
    0x1b5a, 0x1b77, 0x1b78, 0x1b7e, 0x1b95, 0x1b9e, 0x1ba4, 0x1baa, 0x1bb9, 0x1bc2,
    0x1be9, 0x1bf4, 0x1bfd, 0x1c00, 0x1c3b, 0x1c41, 0x1c46, 0x1c49, 0x1cc2, 0x1d2f,
    0x1d35, 0x1e9a, 0x1ec5, 0x1ecb, 0x1f02, 0x1f29, 0x1fae, 0x1fd1, 0x1fd8, 0x1fe9,
    0x1fef, 0x1ff6, 0x1ff8, 0x2001, 0x205a, 0x2069, 0x206e, 0x2091, 0x2096, 0x20a1,
    0x20a6, 0x20bb, 0x20c0, 0x20ff, 0x2101, 0x2166, 0x2173, 0x2178, 0x217f, 0x2181,
    0x21af, 0x21c1, 0x2220, 0x2225, 0x223f, 0x2262, 0x2281, 0x232a, 0x238b, 0x238e,
    0x2411, 0x24ea, 0x24f5, 0x24fa, 0x2541, 0x2546, 0x2561, 0x258a, 0x2590, 0x259a,
    0x25c0, 0x25c5, 0x2606, 0x2613, 0x2615, 0x2637, 0x263d, 0x2647, 0x264d, 0x26a7,
    0x26a9, 0x26c7, 0x26c9, 0x26cf, 0x26d9, 0x26eb, 0x26f2, 0x26f5, 0x26fa, 0x2717,
    0x271e, 0x2727, 0x272e, 0x2739, 0x273f, 0x275e, 0x2763, 0x2771, 0x277b, 0x277d,
    0x278a, 0x2793, 0x279a, 0x27c1, 0x27c8, 0x27f1, 0x27f4, 0x27fa, 0x27ff, 0x2806,
    0x2813, 0x2815, 0x282f, 0x283d, 0x2847, 0x284d, 0x28a7, 0x28a9, 0x28c7, 0x28c9,
    0x28d3, 0x28d5, 0x28df, 0x28e1, 0x28eb, 0x28f2, 0x28f7, 0x28fa, 0x290f, 0x291e,
    0x2927, 0x292e, 0x293b, 0x2946, 0x294b, 0x2965, 0x2977, 0x2979, 0x297f, 0x299a,
    0x29c9, 0x29d6, 0x29d8, 0x29df, 0x2a06, 0x2a13, 0x2a15, 0x2a3b, 0x2a3d, 0x2a4b,
    0x2a4d, 0x2aa7, 0x2aa9, 0x2ac7, 0x2ac9, 0x2ad3, 0x2ad5, 0x2aeb, 0x2af2, 0x2af5,
    0x2afa, 0x2b1b, 0x2b1e, 0x2b2b, 0x2b2e, 0x2b3b, 0x2b41, 0x2b47, 0x2b81, 0x2b8a,
    0x2b93, 0x2b9a, 0x2bc0, 0x2bcb, 0x2be5, 0x2bea, 0x2c03, 0x2c06, 0x2c13, 0x2c15,
    0x2c37, 0x2c3d, 0x2c47, 0x2c4d, 0x2ca7, 0x2ca9, 0x2cc7, 0x2cc9, 0x2cd3, 0x2cd5,
    0x2ceb, 0x2cf2, 0x2cf5, 0x2cfa, 0x2d17, 0x2d1e, 0x2d27, 0x2d2e, 0x2d3b, 0x2d56,
    0x2d63, 0x2d71, 0x2d7b, 0x2d7d, 0x2d8a, 0x2d93, 0x2d9a, 0x2dc0, 0x2dc5, 0x2dc8,
    0x2de3, 0x2e0a, 0x2e0d, 0x2e13, 0x2e15, 0x2e2f, 0x2e39, 0x2e47, 0x2e49, 0x2e5b,
    0x2e65, 0x2e6f, 0x2e71, 0x2e77, 0x2e79, 0x2e83, 0x2e8d, 0x2e97, 0x2ea1, 0x2eaf,
    0x2eb9, 0x2eeb, 0x2efa, 0x2f0f, 0x2f1a, 0x2f27, 0x2f2a, 0x2f3b, 0x2f41, 0x2f47,
    0x2f5e, 0x2f63, 0x2f9a, 0x2fc0, 0x2fef, 0x3002, 0x3015, 0x3037, 0x3039, 0x3047,
    0x3049, 0x30a7, 0x30a9, 0x30eb, 0x30f2, 0x30f5, 0x30fa, 0x3117, 0x311a, 0x3127,
    0x312a, 0x313b, 0x3156, 0x315f, 0x3161, 0x316f, 0x3175, 0x317b, 0x3181, 0x318a,
    0x3193, 0x319a, 0x31c3, 0x31dc, 0x3201, 0x3206, 0x3210, 0x3215, 0x3237, 0x3239,
    0x3247, 0x3249, 0x32a7, 0x32a9, 0x32d3, 0x32d5, 0x32eb, 0x32f2, 0x32f5, 0x32fa,
    0x3317, 0x331a, 0x3327, 0x332a, 0x333b, 0x3356, 0x335f, 0x3375, 0x337f, 0x3381,
    0x338a, 0x3393, 0x339a, 0x33c3, 0x33c5, 0x33cf, 0x3402, 0x3411, 0x3437, 0x3439,
    0x3447, 0x3449, 0x34ee, 0x34f5, 0x34fa, 0x3517, 0x351a, 0x3527, 0x352a, 0x3539,
    0x353c, 0x3543, 0x3551, 0x355e, 0x3560, 0x357d, 0x358a, 0x3593, 0x359a, 0x35c0,
    0x35e9, 0x3603, 0x3606, 0x3613, 0x3615, 0x365f, 0x3669, 0x36cb, 0x36cd, 0x36f3,
    0x36f5, 0x36fb, 0x3701, 0x371f, 0x372a, 0x372f, 0x373e, 0x3757, 0x375a, 0x375f,
    0x3762, 0x3783, 0x379a, 0x37c3, 0x37ca, 0x37d0, 0x37d7, 0x3805, 0x38c6, 0x38c9,
    0x38ce, 0x38ef, 0x38fc, 0x3901, 0x391e, 0x393c, 0x3942, 0x3968, 0x3973, 0x3a05,
    0x3a0f, 0x3a11, 0x3a17, 0x3a19, 0x3a2f, 0x3a31, 0x3a93, 0x3a95, 0x3a9b, 0x3a9d,
    0x3ac6, 0x3ac9, 0x3ace, 0x3af5, 0x3afb, 0x3b01, 0x3b17, 0x3b19, 0x3b1f, 0x3b22,
    0x3b3b, 0x3b42, 0x3b6b, 0x3b71, 0x3b83, 0x3c01, 0x3c04, 0x3c62, 0x3c68, 0x3c82,
    0x3ca8, 0x3cd6, 0x3cd8, 0x3cde, 0x3ce0, 0x3ce6, 0x3ce8, 0x3cfa, 0x3d01, 0x3d23,
    0x3d25, 0x3db7, 0x3dc6, 0x3e14, 0x3e1a, 0x3e21, 0x3e36, 0x3e63, 0x3e66, 0x3ef7,
    0x3ef8, 0x3f1a, 0x3f1c, 0x3f37, 0x3f38, 0x3f6f, 0x4001, 0x40ae, 0x40fd, 0x4102,
    0x4128, 0x4141, 0x415a, 0x4169, 0x417a, 0x4185, 0x418a, 0x4195, 0x419e, 0x41b9,
    0x41c6, 0x41d5, 0x420a, 0x4239, 0x423e, 0x4278, 0x4281, 0x431b, 0x431d, 0x4323,
    0x4335, 0x433b, 0x4341, 0x43ec, 0x43f1, 0x4927, 0x4929, 0x493b, 0x4941, 0x495f,
    0x4961, 0x4967, 0x4969, 0x497b, 0x4981, 0x4a27, 0x4a29, 0x4a3b, 0x4a41, 0x4ac7,
    0x4ac9, 0x4adb, 0x4ae1, 0x4aff, 0x4b01, 0x4b07, 0x4b09, 0x4b1b, 0x4b21, 0x4b5f,
    0x4b61, 0x4c47, 0x4c49, 0x4c5b, 0x4c61, 0x4d6f, 0x4d76, 0x4d80, 0x4da6, 0x4dc8,
    0x4df7, 0x4e01, 0x4e40, 0x4e6b, 0x4e81, 0x4fdb, 0x4fe1, 0x4ffb, 0x5000, 0x5005,
    0x59b4, 0x59bd, 0x5a03, 0x5a05, 0x5a6c, 0x5a77, 0x5a81, 0x5bac, 0x5bb9, 0x5be7,
    0x5c01, 0x5c4a, 0x5c5b, 0x5c7d, 0x5cca, 0x5cd4, 0x5cdf, 0x5d01, 0x5d4a, 0x5d53,
    0x5d81, 0x5db7, 0x5db9, 0x5dc7, 0x5dca, 0x5dd3, 0x5e01, 0x5ed2, 0x5f50, 0x5f5d,
    0x5f60, 0x5f71, 0x5f76, 0x5f7b, 0x5f82, 0x5fab, 0x5fc0, 0x5feb, 0x6000, 0x602e,
    0x603b, 0x603e, 0x606b, 0x6081, 0x61e7, 0x6201, 0x62a6, 0x62a9, 0x62af, 0x62c1,
    0x63db, 0x6401, 0x647f, 0x6482, 0x64b3, 0x64c2, 0x64f3, 0x6500, 0x6507, 0x6510,
    0x651a, 0x6541, 0x65bb, 0x65c1, 0x65d7, 0x6601, 0x66b3, 0x66c1, 0x672b, 0x6742,
    0x676f, 0x6778, 0x6801, 0x685e, 0x6873, 0x6878, 0x6881, 0x6956, 0x697f, 0x6982,
    0x69f7, 0x69fe, 0x6a2b, 0x6a42, 0x6a6b, 0x6a80, 0x6a9d, 0x6aa0, 0x6abb, 0x6ac2,
    0x6af8, 0x6afe, 0x6b3f, 0x6c02, 0x6c15, 0x6cd2, 0x6d15, 0x6d37, 0x6d42, 0x6d68,
    0x6dae, 0x6dd0, 0x6dff, 0x6e02, 0x6e0d, 0x6e86, 0x6eb9, 0x6ec2, 0x6ee9, 0x6f9a,
    0x6fd3, 0x6ff0, 0x7001, 0x7092, 0x70e3, 0x70ec, 0x7102, 0x712b, 0x7135, 0x7142,
    0x7169, 0x71f8, 0x7201, 0x7227, 0x7241, 0x72ef, 0x72f5, 0x7300, 0x7323, 0x7342,
    0x734c, 0x7352, 0x73a5, 0x73b6, 0x73b9, 0x73d2, 0x73d5, 0x73de, 0x73e9, 0x73ef,
    0x7401, 0x7702, 0x7801, 0x7c5b, 0x7c61, 0x7c7b, 0x7c81, 0x7d1b, 0x7d21, 0x7d3b,
    0x7d41, 0x7d63, 0x7d65, 0x7d6b, 0x7d6d, 0x7d73, 0x7d75, 0x7d7b, 0x7d7d, 0x7dfb,
    0x7e01, 0x7ed7, 0x7ed9, 0x7ef4, 0x7ef9, 0x7efc, 0x7f09, 0x7f17, 0x7f19, 0x7f34,
    0x7f41, 0x7f53, 0x7f59, 0x7f73, 0x7f74, 0x7f81, 0x7fb4, 0x7fc3, 0x7fc9, 0x7fd7,
    0x7fd9, 0x7ff4, 0x7fff, 0x8040, 0x80a3, 0x80c0, 0x80fe, 0x8104, 0x8152, 0x8154,
    0x817f, 0x81c0, 0x81c5, 0x81cb, 0x81d0, 0x81fd, 0x8200, 0x823f, 0x8241, 0x8277,
    0x8280, 0x8307, 0x8342, 0x8374, 0x8386, 0x8388, 0x8396, 0x83c7, 0x8400, 0x8409,
    0x840c, 0x841d, 0x8420, 0x8429, 0x8450, 0x8455, 0x8458, 0x8461, 0x8478, 0x8491,
    0x8494, 0x8499, 0x849c, 0x84a1, 0x84a4, 0x84a9, 0x84e8, 0x84f1, 0x8500, 0x8515,
    0x8528, 0x8539, 0x853c, 0x8581, 0x8624, 0x8633, 0x8640, 0x909f, 0x9100, 0x912f,
    0x9180, 0xadd3, 0xadd8, 0xae5b, 0xae5c, 0xb001, 0xb394, 0xb3ad, 0xb3be, 0xb3c9,
    0xb3d3, 0xb3e4, 0xb401, 0xb49b, 0xb49d, 0xb4a3, 0xb4b5, 0xb4bb, 0xb4c1, 0xb5a3,
    0xb5bd, 0xb5c0, 0xb5c7, 0xb5fe, 0xb601, 0xb65f, 0xb681, 0xb69f, 0xb6a1, 0xb6bf,
    0xb6c1, 0xb6df, 0xb6e1, 0xb6ff, 0xb701, 0xb71f, 0xb721, 0xb73f, 0xb741, 0xb75f,
    0xb761, 0xb77f, 0xb782, 0xb800, 0xb97b, 0xba00, 0xba6b, 0xba6c, 0xbbd3, 0xbc00,
    0xbf5b, 0xbfc0, 0xbff3, 0xc004, 0xc015, 0xc020, 0xc085, 0xc0aa, 0xc0c0, 0xc0c5,
    0xc0d8, 0xc0e1, 0xc0f4, 0xc103, 0xc105, 0xc25f, 0xc266, 0xc26c, 0xc275, 0xc280,
    0xc285, 0xc3ec, 0xc3f1, 0xc403, 0xc415, 0xc4c3, 0xc4c5, 0xc63f, 0xc640, 0xc681,
    0xc700, 0xc793, 0xc7c1, 0xc800, 0xc87f, 0xc880, 0xd001, 0x13700, 0x13801, 0x29237,
    0x29240, 0x2931f, 0x29341, 0x293f8, 0x29401, 0x29834, 0x29841, 0x29882, 0x298a9, 0x298b3,
    0x29901, 0x299be, 0x299c0, 0x299d2, 0x299f8, 0x299fd, 0x29a7a, 0x29a81, 0x29bc2, 0x29bc8,
    0x29be3, 0x29c00, 0x29c5d, 0x29c80, 0x29c89, 0x29e24, 0x29e2d, 0x29f2f, 0x29f41, 0x29f4b,
    0x29f4d, 0x29f53, 0x29f55, 0x29f6b, 0x29fc9, 0x2a00a, 0x2a00d, 0x2a01a, 0x2a01d, 0x2a02e,
    0x2a031, 0x2a08e, 0x2a0a0, 0x2a0b2, 0x2a0b7, 0x2a0c0, 0x2a0eb, 0x2a101, 0x2a1d0, 0x2a1e3,
    0x2a202, 0x2a209, 0x2a2d2, 0x2a31b, 0x2a338, 0x2a342, 0x2a36b, 0x2a382, 0x2a3c9, 0x2a3e0,
    0x2a3ed, 0x2a3f0, 0x2a3f5, 0x2a3fe, 0x2a429, 0x2a49a, 0x2a4b8, 0x2a4c1, 0x2a51e, 0x2a553,
    0x2a57c, 0x2a581, 0x2a5f7, 0x2a602, 0x2a611, 0x2a6ce, 0x2a704, 0x2a73b, 0x2a73d, 0x2a742,
    0x2a76b, 0x2a778, 0x2a781, 0x2a796, 0x2a799, 0x2a7c2, 0x2a7e9, 0x2a7ff, 0x2a801, 0x2a8a6,
    0x2a8df, 0x2a901, 0x2a90e, 0x2a911, 0x2a932, 0x2a93b, 0x2a942, 0x2a96b, 0x2a970, 0x2a981,
    0x2a9dc, 0x2a9e9, 0x2a9ee, 0x2a9f9, 0x2aac2, 0x2aac5, 0x2aaca, 0x2aad5, 0x2aade, 0x2aae5,
    0x2aafa, 0x2ab01, 0x2ab06, 0x2ab09, 0x2ab0f, 0x2ab6d, 0x2ab78, 0x2ab81, 0x2abae, 0x2abc0,
    0x2abc9, 0x2abd6, 0x2abdf, 0x2ac05, 0x2ac1f, 0x2ac25, 0x2ac3f, 0x2ac45, 0x2ac5f, 0x2ac81,
    0x2ac9f, 0x2aca1, 0x2acbf, 0x2acc1, 0x2ad6c, 0x2ad71, 0x2ada8, 0x2adb3, 0x2adc1, 0x2af8e,
    0x2afac, 0x2afb2, 0x2afbb, 0x2afc2, 0x2afeb, 0x2b001, 0x35e93, 0x35ec1, 0x35f1f, 0x35f2d,
    0x35ff3, 0x3e401, 0x3e9bb, 0x3e9c1, 0x3eb6b, 0x3ec01, 0x3ec1f, 0x3ec4d, 0x3ec63, 0x3ec75,
    0x3ec7a, 0x3ec7d, 0x3eca4, 0x3eca9, 0x3ecdf, 0x3ece1, 0x3ecf7, 0x3ecf9, 0x3ecff, 0x3ed01,
    0x3ed0b, 0x3ed0d, 0x3ed17, 0x3ed19, 0x3eec8, 0x3ef0f, 0x3ef4d, 0x3f178, 0x3f191, 0x3f4f8,
    0x3f541, 0x3f643, 0x3f649, 0x3f723, 0x3f73c, 0x3f743, 0x3f7c1, 0x3f7e8, 0x3f802, 0x3f840,
    0x3f86b, 0x3f882, 0x3f8c0, 0x3f8ce, 0x3f8d4, 0x3f936, 0x3f940, 0x3f94f, 0x3f950, 0x3f99f,
    0x3f9a0, 0x3f9b3, 0x3f9c0, 0x3f9c5, 0x3f9c8, 0x3f9cd, 0x3f9d0, 0x3f9d7, 0x3f9d8, 0x3f9dd,
    0x3f9e0, 0x3f9e5, 0x3f9e8, 0x3f9ed, 0x3f9f0, 0x3f9f5, 0x3f9f8, 0x3f9fd, 0x3fbf7, 0x3fc04,
    0x3fc42, 0x3fc68, 0x3fc85, 0x3fcec, 0x3fcfe, 0x3fd00, 0x3fd05, 0x3fd6c, 0x3fd99, 0x3fe7a,
    0x3fe81, 0x3feff, 0x3ff09, 0x3ff23, 0x3ff29, 0x3ff43, 0x3ff49, 0x3ff63, 0x3ff69, 0x3ff77,
    0x3ff80, 0x3ff9f, 0x3ffa0, 0x3ffbf, 0x3fff0, 0x3fffb, 0x40001, 0x40033, 0x40035, 0x4009f,
    0x400a1, 0x400ef, 0x400f1, 0x400fb, 0x400fd, 0x4013b, 0x40141, 0x4017b, 0x40201, 0x403ef,
    0x40400, 0x4040f, 0x4041c, 0x404d3, 0x404dc, 0x40501, 0x405d4, 0x4063f, 0x40640, 0x40677,
    0x40680, 0x40687, 0x40740, 0x407f6, 0x407fb, 0x40a01, 0x40a77, 0x40a81, 0x40b47, 0x40b82,
    0x40b84, 0x40bf3, 0x40c01, 0x40c80, 0x40c93, 0x40cb5, 0x40d2f, 0x40d41, 0x40dda, 0x40def,
    0x40e01, 0x40e7b, 0x40e7c, 0x40e81, 0x40f13, 0x40f21, 0x40f40, 0x40f45, 0x40f5b, 0x41001,
    0x4127b, 0x41282, 0x412ab, 0x412c1, 0x41353, 0x41361, 0x413f3, 0x41401, 0x414a3, 0x414c1,
    0x41593, 0x415bc, 0x415c1, 0x415ef, 0x415f1, 0x4162f, 0x41631, 0x4164f, 0x41651, 0x4165b,
    0x4165d, 0x4168b, 0x4168d, 0x416cb, 0x416cd, 0x416eb, 0x416ed, 0x416f7, 0x41801, 0x41cdf,
    0x41d01, 0x41d5b, 0x41d81, 0x41da3, 0x41e01, 0x41e1b, 0x41e1d, 0x41ec7, 0x41ec9, 0x41eef,
    0x42001, 0x4201b, 0x42021, 0x42027, 0x42029, 0x420db, 0x420dd, 0x420e7, 0x420f1, 0x420f7,
    0x420fd, 0x4215b, 0x4215c, 0x42181, 0x421dc, 0x42201, 0x4227f, 0x4229c, 0x422c3, 0x42381,
    0x423cf, 0x423d1, 0x423db, 0x423ec, 0x42401, 0x42458, 0x42473, 0x4247c, 0x42481, 0x424eb,
    0x424fc, 0x42503, 0x42601, 0x426e3, 0x426f0, 0x426f9, 0x42700, 0x42743, 0x42748, 0x42801,
    0x42806, 0x42813, 0x42816, 0x4281f, 0x42832, 0x42841, 0x42853, 0x42855, 0x42863, 0x42865,
    0x428db, 0x428e2, 0x428ef, 0x428fe, 0x42900, 0x42927, 0x42940, 0x42967, 0x42981, 0x429f4,
    0x42a01, 0x42a74, 0x42a83, 0x42b01, 0x42b20, 0x42b25, 0x42b96, 0x42b9f, 0x42bac, 0x42bdf,
    0x42c01, 0x42cdb, 0x42ce4, 0x42d01, 0x42d5b, 0x42d60, 0x42d81, 0x42dcf, 0x42de0, 0x42e01,
    0x42e4b, 0x42e64, 0x42e77, 0x42ea4, 0x42ec3, 0x43001, 0x43127, 0x43201, 0x432cf, 0x43301,
    0x433cf, 0x433e8, 0x43401, 0x43492, 0x434a3, 0x434c2, 0x434eb, 0x43980, 0x439ff, 0x43a01,
    0x43aab, 0x43aae, 0x43ab4, 0x43abb, 0x43ac1, 0x43acb, 0x43c01, 0x43c74, 0x43c9d, 0x43ca3,
    0x43cc1, 0x43d1a, 0x43d44, 0x43d6b, 0x43dc1, 0x43e0a, 0x43e18, 0x43e2b, 0x43ec1, 0x43f14,
    0x43f33, 0x43f81, 0x43fdf, 0x44002, 0x4400d, 0x440e2, 0x4411c, 0x4413b, 0x44148, 0x4419a,
    0x441c5, 0x441ce, 0x441d5, 0x441db, 0x441fe, 0x4420d, 0x442c2, 0x442ec, 0x442f7, 0x442f8,
    0x4430a, 0x4430f, 0x44341, 0x443a7, 0x443c2, 0x443eb, 0x44402, 0x4440d, 0x4449e, 0x444d7,
    0x444da, 0x44500, 0x44511, 0x44516, 0x4451d, 0x44523, 0x44541, 0x445ce, 0x445d0, 0x445d9,
    0x445df, 0x44602, 0x4460d, 0x446ce, 0x44705, 0x44714, 0x44726, 0x44734, 0x4473a, 0x44769,
    0x4476c, 0x44771, 0x44774, 0x44783, 0x44784, 0x447d7, 0x44801, 0x4484b, 0x4484d, 0x448b2,
    0x448e0, 0x448fa, 0x448ff, 0x44a01, 0x44a1f, 0x44a21, 0x44a27, 0x44a29, 0x44a3b, 0x44a3d,
    0x44a7b, 0x44a7d, 0x44aa4, 0x44aab, 0x44ac1, 0x44b7e, 0x44baf, 0x44bc2, 0x44beb, 0x44c02,
    0x44c13, 0x44c15, 0x44c37, 0x44c3d, 0x44c47, 0x44c4d, 0x44ca7, 0x44ca9, 0x44cc7, 0x44cc9,
    0x44cd3, 0x44cd5, 0x44ceb, 0x44cee, 0x44cf5, 0x44cfa, 0x44d17, 0x44d1e, 0x44d27, 0x44d2e,
    0x44d3b, 0x44d41, 0x44d47, 0x44d5e, 0x44d63, 0x44d75, 0x44d8a, 0x44d93, 0x44d9a, 0x44db7,
    0x44dc2, 0x44dd7, 0x45001, 0x450d6, 0x4511d, 0x4512c, 0x45142, 0x45168, 0x45173, 0x45174,
    0x4517a, 0x4517d, 0x4518b, 0x45201, 0x452c2, 0x45311, 0x45318, 0x4531d, 0x45323, 0x45342,
    0x4536b, 0x45601, 0x456be, 0x456db, 0x456e2, 0x45704, 0x45761, 0x45772, 0x4577b, 0x45801,
    0x458c2, 0x45904, 0x45911, 0x45917, 0x45942, 0x4596b, 0x45980, 0x459b7, 0x45a01, 0x45aae,
    0x45ae1, 0x45ae4, 0x45aeb, 0x45b02, 0x45b2b, 0x45c01, 0x45c6f, 0x45c76, 0x45cb3, 0x45cc2,
    0x45ce8, 0x45d01, 0x45d1f, 0x46001, 0x460b2, 0x460ec, 0x460f3, 0x46281, 0x46382, 0x463a8,
    0x463cf, 0x463fd, 0x4641f, 0x46425, 0x4642b, 0x46431, 0x46453, 0x46455, 0x4645f, 0x46461,
    0x464c2, 0x464db, 0x464de, 0x464e7, 0x464ee, 0x464fd, 0x46502, 0x46505, 0x4650a, 0x46510,
    0x4651f, 0x46542, 0x4656b, 0x46681, 0x466a3, 0x466a9, 0x46746, 0x46763, 0x4676a, 0x46785,
    0x46788, 0x4678d, 0x46792, 0x46797, 0x46801, 0x46806, 0x4682d, 0x468ce, 0x468e9, 0x468ee,
    0x468fc, 0x4691e, 0x46923, 0x46941, 0x46946, 0x46971, 0x46a2a, 0x46a68, 0x46a75, 0x46a78,
    0x46a8f, 0x46ac1, 0x46be7, 0x47001, 0x47027, 0x47029, 0x470be, 0x470df, 0x470e2, 0x47101,
    0x47104, 0x4711b, 0x47142, 0x47168, 0x471b7, 0x471c0, 0x471c9, 0x47243, 0x4724a, 0x472a3,
    0x472a6, 0x472df, 0x47401, 0x4741f, 0x47421, 0x4742b, 0x4742d, 0x474c6, 0x474df, 0x474ea,
    0x474ef, 0x474f2, 0x474fb, 0x474fe, 0x47519, 0x4751e, 0x47523, 0x47542, 0x4756b, 0x47581,
    0x4759b, 0x4759d, 0x475a7, 0x475a9, 0x4762a, 0x4763f, 0x47642, 0x4764b, 0x4764e, 0x47661,
    0x47667, 0x47682, 0x476ab, 0x47b81, 0x47bce, 0x47bdc, 0x47be7, 0x47ec1, 0x47ec7, 0x47f00,
    0x47fcb, 0x47ffc, 0x48001, 0x48e6b, 0x49001, 0x491bf, 0x491c0, 0x491d7, 0x49201, 0x49513,
    0x4be41, 0x4bfc4, 0x4bfcf, 0x4c001, 0x4d0bf, 0x51001, 0x5191f, 0x5a001, 0x5a8e7, 0x5a901,
    0x5a97f, 0x5a982, 0x5a9ab, 0x5a9b8, 0x5a9c1, 0x5aaff, 0x5ab02, 0x5ab2b, 0x5ab41, 0x5abbb,
    0x5abc2, 0x5abd4, 0x5abdb, 0x5ac01, 0x5acc2, 0x5acdc, 0x5ad01, 0x5ad10, 0x5ad1b, 0x5ad42,
    0x5ad6b, 0x5ad6c, 0x5ad8b, 0x5ad8d, 0x5ade3, 0x5adf5, 0x5ae43, 0x5b901, 0x5ba00, 0x5ba6f,
    0x5bc01, 0x5bd2f, 0x5bd3e, 0x5bd41, 0x5bd46, 0x5be23, 0x5be3e, 0x5be4d, 0x5be83, 0x5bf81,
    0x5bf88, 0x5bf8d, 0x5bf92, 0x5bf97, 0x5bfc2, 0x5bfcb, 0x5c001, 0x61fe3, 0x62001, 0x6335b,
    0x63401, 0x63427, 0x6bfc1, 0x6bfd3, 0x6bfd5, 0x6bff3, 0x6bff5, 0x6bfff, 0x6c001, 0x6c48f,
    0x6c541, 0x6c54f, 0x6c591, 0x6c5a3, 0x6c5c1, 0x6cbf3, 0x6f001, 0x6f1af, 0x6f1c1, 0x6f1f7,
    0x6f201, 0x6f227, 0x6f241, 0x6f26b, 0x6f270, 0x6f276, 0x6f27c, 0x6f283, 0x73c02, 0x73cbb,
    0x73cc2, 0x73d1f, 0x73d40, 0x73f13, 0x74000, 0x743db, 0x74400, 0x7449f, 0x744a4, 0x74596,
    0x745a8, 0x745b6, 0x745cf, 0x745ee, 0x7460c, 0x74616, 0x74630, 0x746aa, 0x746b8, 0x747af,
    0x74800, 0x7490a, 0x74914, 0x7491b, 0x74b80, 0x74bd3, 0x74c00, 0x74d5f, 0x74d80, 0x74de7,
    0x75001, 0x75157, 0x75159, 0x75277, 0x75279, 0x75283, 0x75289, 0x7528f, 0x75295, 0x7529f,
    0x752a5, 0x752b7, 0x752b9, 0x752eb, 0x752ed, 0x752f3, 0x752f5, 0x75313, 0x75315, 0x7541b,
    0x7541d, 0x7542f, 0x75435, 0x75457, 0x75459, 0x75477, 0x75479, 0x754eb, 0x754ed, 0x754ff,
    0x75501, 0x75517, 0x75519, 0x7551f, 0x75529, 0x75547, 0x75549, 0x75a9b, 0x75aa1, 0x75b04,
    0x75b09, 0x75b6c, 0x75b71, 0x75bec, 0x75bf1, 0x75c54, 0x75c59, 0x75cd4, 0x75cd9, 0x75d3c,
    0x75d41, 0x75dbc, 0x75dc1, 0x75e24, 0x75e29, 0x75ea4, 0x75ea9, 0x75f0c, 0x75f11, 0x75f33,
    0x75f3a, 0x76000, 0x76802, 0x768dc, 0x768ee, 0x769b4, 0x769d6, 0x769d8, 0x76a12, 0x76a14,
    0x76a33, 0x76a6e, 0x76a83, 0x76a86, 0x76ac3, 0x77c01, 0x77c7f, 0x78002, 0x7801f, 0x78022,
    0x78067, 0x7806e, 0x7808b, 0x7808e, 0x78097, 0x7809a, 0x780af, 0x78401, 0x784b7, 0x784c2,
    0x784dd, 0x784fb, 0x78502, 0x7852b, 0x78539, 0x7853c, 0x78543, 0x78a41, 0x78aba, 0x78abf,
    0x78b01, 0x78bb2, 0x78beb, 0x78bfc, 0x78c03, 0x79f81, 0x79f9f, 0x79fa1, 0x79fb3, 0x79fb5,
    0x79fbf, 0x79fc1, 0x79fff, 0x7a001, 0x7a317, 0x7a31c, 0x7a342, 0x7a35f, 0x7a401, 0x7a512,
    0x7a52d, 0x7a533, 0x7a542, 0x7a56b, 0x7a578, 0x7a583, 0x7b1c4, 0x7b2d7, 0x7b404, 0x7b4fb,
    0x7b801, 0x7b813, 0x7b815, 0x7b883, 0x7b885, 0x7b88f, 0x7b891, 0x7b897, 0x7b89d, 0x7b8a3,
    0x7b8a5, 0x7b8cf, 0x7b8d1, 0x7b8e3, 0x7b8e5, 0x7b8eb, 0x7b8ed, 0x7b8f3, 0x7b909, 0x7b90f,
    0x7b91d, 0x7b923, 0x7b925, 0x7b92b, 0x7b92d, 0x7b933, 0x7b935, 0x7b943, 0x7b945, 0x7b94f,
    0x7b951, 0x7b957, 0x7b95d, 0x7b963, 0x7b965, 0x7b96b, 0x7b96d, 0x7b973, 0x7b975, 0x7b97b,
    0x7b97d, 0x7b983, 0x7b985, 0x7b98f, 0x7b991, 0x7b997, 0x7b99d, 0x7b9af, 0x7b9b1, 0x7b9cf,
    0x7b9d1, 0x7b9e3, 0x7b9e5, 0x7b9f7, 0x7b9f9, 0x7b9ff, 0x7ba01, 0x7ba2b, 0x7ba2d, 0x7ba73,
    0x7ba85, 0x7ba93, 0x7ba95, 0x7baab, 0x7baad, 0x7baf3, 0x7bbc0, 0x7bbcb, 0x7c000, 0x7c0b3,
    0x7c0c0, 0x7c253, 0x7c280, 0x7c2bf, 0x7c2c4, 0x7c303, 0x7c304, 0x7c343, 0x7c344, 0x7c3db,
    0x7c400, 0x7c6bb, 0x7c798, 0x7c80f, 0x7c840, 0x7c8f3, 0x7c900, 0x7c927, 0x7c940, 0x7c94b,
    0x7c980, 0x7c99b, 0x7cc00, 0x7db63, 0x7db74, 0x7dbb7, 0x7dbc0, 0x7dbf7, 0x7dc00, 0x7ddd3,
    0x7de00, 0x7df67, 0x7df80, 0x7dfb3, 0x7dfc0, 0x7dfc7, 0x7e000, 0x7e033, 0x7e040, 0x7e123,
    0x7e140, 0x7e16b, 0x7e180, 0x7e223, 0x7e240, 0x7e2bb, 0x7e2c0, 0x7e2cb, 0x7e400, 0x7e953,
    0x7e980, 0x7e9bb, 0x7e9c0, 0x7e9d7, 0x7e9e0, 0x7e9f7, 0x7ea00, 0x7ea1f, 0x7ea40, 0x7eab7,
    0x7eac0, 0x7eaef, 0x7eb00, 0x7eb1b, 0x7eb40, 0x7eb6b, 0x7eb80, 0x7eba3, 0x7ebc0, 0x7ebdf,
    0x7ec00, 0x7ee4f, 0x7ee50, 0x7ef2f, 0x7efc2, 0x7efeb, 0x80001, 0xa9b83, 0xa9c01, 0xadce7,
    0xadd01, 0xae07b, 0xae081, 0xb3a8b, 0xb3ac1, 0xbaf87, 0xbe001, 0xbe87b, 0xc0001, 0xc4d2f,
    0x380402, 0x3807c3,
};

enum UnicodeClass : uint32_t { kOther = 0, kStart = 1, kContinue = 2, kNonPrintable = 3 };

uint32_t unicodeClass(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_') return kStart;
    if (cp >= '0' && cp <= '9') return kContinue;
    if (cp < 0x20 || cp == 0x7f) return kNonPrintable;
    return kOther;
  }
  if (cp > 0x10FFFF) return kNonPrintable;
  const uint32_t* begin = kUnicodeRuns;
  const uint32_t* end = kUnicodeRuns + sizeof(kUnicodeRuns) / sizeof(kUnicodeRuns[0]);
  const uint32_t* it = std::upper_bound(begin, end, (cp << 2) | 3u);
  if (it == begin) return kOther;
  return *(it - 1) & 3u;
}

bool isAsciiIdentChar(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool isDigit(int c) { return c >= '0' && c <= '9'; }
bool isHexDigit(int c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hexValue(int c) {
  if (isDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}
// CPython's is_potential_identifier_char: bytes >= 128 are potential identifier characters.
bool isPotentialIdentifierChar(int c) { return c >= 128 || isAsciiIdentChar(c); }

// Decodes one code point of valid UTF-8 at s[i]; returns its length in bytes.
int decodeUtf8(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) {  // cannot happen for prepared text; be safe anyway
    cp = 0xFFFD;
    return 1;
  }
  if (len == 1) {
    cp = c;
  } else if (len == 2) {
    cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
  } else if (len == 3) {
    cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
  } else {
    cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
         (s[i + 3] & 0x3Fu);
  }
  return len;
}

std::string hex4(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

int countCodePoints(std::string_view s) {
  int n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Replaces bytes that are not valid UTF-8 with U+FFFD (for showing a line that failed to decode).
std::string sanitizeUtf8(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int need = -1;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) need = 0;
    else if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
    else if (c == 0xED) { need = 2; hi = 0x9F; }
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    bool ok = need >= 0 && i + need < s.size() + (need == 0 ? 1 : 0);
    for (int k = 1; ok && k <= need; ++k) {
      unsigned char b = static_cast<unsigned char>(s[i + k]);
      unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (b < l || b > h) ok = false;
    }
    if (ok && i + need < s.size()) {
      out.append(s.substr(i, need + 1));
      i += need + 1;
    } else {
      out += "\xEF\xBF\xBD";
      i += 1;
    }
  }
  return out;
}

class Lexer {
 public:
  Lexer(std::string_view text, const LexOptions& options) : s_(text), opt_(options) {
    line_ = options.startLine;
    colBase_ = options.startCol;
    cacheCol_ = options.startCol;
    atLineStart_ = !options.fstringExpr;
    indents_.push_back(0);
    altIndents_.push_back(0);
  }

  LexResult run() {
    // Every step consumes input or finishes; the guard only protects against a logic error.
    size_t guard = 4 * s_.size() + 1000;
    while (!done_ && guard-- > 0) step();
    if (!done_) fail("internal lexer error", line_, 1, line_, 1);
    return std::move(res_);
  }

 private:
  struct Bracket {
    char ch;
    int line, col;
  };

  std::string_view s_;
  LexOptions opt_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t lineStart_ = 0;  // byte offset of the current line's first character
  int colBase_ = 0;       // column of lineStart_ (non-zero only on an f-string field's first line)
  size_t cachePos_ = 0;   // colAt() cache: column of byte cachePos_ on the current line
  int cacheCol_ = 0;
  bool atLineStart_ = true;
  bool done_ = false;
  int lastNewlineLine_ = 0, lastNewlineCol_ = 0;  // where the last '\n' character was
  std::vector<int> indents_, altIndents_;
  std::vector<Bracket> brackets_;
  LexResult res_;

  static constexpr int kTabSize = 8;
  static constexpr int kMaxIndent = 100;  // CPython's MAXINDENT
  static constexpr int kMaxLevel = 200;   // CPython's MAXLEVEL (nested brackets)

  int peekc(size_t p) const { return p < s_.size() ? static_cast<unsigned char>(s_[p]) : -1; }
  int nextc() {
    if (pos_ >= s_.size()) return -1;
    return static_cast<unsigned char>(s_[pos_++]);
  }
  void backup(int c) {
    if (c != -1 && pos_ > 0) --pos_;
  }

  // Column (code points) of byte offset p, which must lie on the current line.
  int colAt(size_t p) {
    if (p < lineStart_) p = lineStart_;
    if (p < cachePos_ || cachePos_ < lineStart_) {
      cachePos_ = lineStart_;
      cacheCol_ = colBase_;
    }
    while (cachePos_ < p && cachePos_ < s_.size()) {
      if ((static_cast<unsigned char>(s_[cachePos_]) & 0xC0) != 0x80) ++cacheCol_;
      ++cachePos_;
    }
    if (cachePos_ < p) {  // past the end of the text: count the missing positions as columns
      cacheCol_ += static_cast<int>(p - cachePos_);
      cachePos_ = p;
    }
    return cacheCol_;
  }

  // Bookkeeping for the '\n' at byte offset nl.
  void newLineAt(size_t nl) {
    lastNewlineLine_ = line_;
    lastNewlineCol_ = colAt(nl);
    ++line_;
    lineStart_ = nl + 1;
    colBase_ = 0;
    cachePos_ = lineStart_;
    cacheCol_ = 0;
  }

  int currentLineLength() {
    size_t e = lineStart_;
    while (e < s_.size() && s_[e] != '\n') ++e;
    return colAt(e);
  }

  int level() const { return static_cast<int>(brackets_.size()) + (opt_.fstringExpr ? 1 : 0); }

  void emit(TokenKind kind, size_t start, int line, int col, size_t end) {
    Token t;
    t.kind = kind;
    t.text = s_.substr(start, end - start);
    t.line = line;
    t.col = col;
    t.endLine = line_;
    t.endCol = colAt(end);
    t.level = level();
    t.offset = static_cast<uint32_t>(start);
    res_.tokens.push_back(t);
  }
  void emitAt(TokenKind kind, int line, int col, int endCol) {
    Token t;
    t.kind = kind;
    t.text = s_.substr(std::min(pos_, s_.size()), 0);
    t.line = t.endLine = line;
    t.col = col;
    t.endCol = endCol;
    t.level = level();
    t.offset = static_cast<uint32_t>(std::min(pos_, s_.size()));
    res_.tokens.push_back(t);
  }

  // Stops lexing with an error. col/endCol are 1-based like SyntaxError.offset.
  void fail(std::string message, int line, int col, int endLine, int endCol,
            const char* type = "SyntaxError",
            LexResult::ErrorKind kind = LexResult::ErrorKind::Raised) {
    res_.errorKind = kind;
    SyntaxErrorInfo e;
    e.type = type;
    e.message = std::move(message);
    e.line = line;
    e.col = col;
    e.endLine = endLine;
    e.endCol = endCol;
    e.sourceLine = lineText(s_, line - opt_.startLine + 1);
    res_.error = std::move(e);
    Token t;
    t.kind = TokenKind::Error;
    t.line = t.endLine = line;
    t.col = t.endCol = std::max(col - 1, 0);
    t.level = level();
    t.offset = static_cast<uint32_t>(std::min(pos_, s_.size()));
    t.text = s_.substr(t.offset, 0);
    res_.tokens.push_back(t);
    done_ = true;
  }
  // CPython's syntaxerror(tok, ...): the error points at the character before `cur`.
  void failAtCur(std::string message, size_t cur) {
    int c = colAt(cur);
    fail(std::move(message), line_, c, line_, c);
  }

  void step() {
    if (atLineStart_ && brackets_.empty() && !opt_.fstringExpr) {
      if (!lineStart()) return;
    }
    while (true) {
      int c = peekc(pos_);
      if (c == ' ' || c == '\t' || c == '\f') ++pos_;
      else break;
    }
    size_t commentStart = pos_;
    bool comment = peekc(pos_) == '#';
    if (comment) {
      while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
    }
    size_t start = pos_;
    int c = peekc(pos_);
    if (c < 0) {
      eof();
      return;
    }
    int sline = line_, scol = colAt(start);
    if (c == '\n') {
      if (!brackets_.empty() || opt_.fstringExpr) {
        newLineAt(pos_);
        ++pos_;
        return;
      }
      // CPython's NEWLINE token is empty, at the '\n'; after a comment it starts at the '#'.
      emit(TokenKind::Newline, start, sline, scol, pos_ + 1);
      res_.tokens.back().col = comment ? colAt(commentStart) : scol;
      res_.tokens.back().endCol = scol;
      newLineAt(pos_);
      ++pos_;
      atLineStart_ = true;
      return;
    }
    if (isAsciiIdentChar(c) && !isDigit(c)) {
      lexNameOrString(start, sline, scol);
      return;
    }
    if (c >= 0x80) {
      lexNameOrString(start, sline, scol);
      return;
    }
    if (isDigit(c) || (c == '.' && isDigit(peekc(pos_ + 1)))) {
      lexNumber(start, sline, scol);
      return;
    }
    if (c == '"' || c == '\'') {
      lexString(start, start, sline, scol);
      return;
    }
    if (c == '\\') {
      int d = peekc(pos_ + 1);
      if (d == '\n') {
        int len = currentLineLength();
        newLineAt(pos_ + 1);
        pos_ += 2;
        if (pos_ >= s_.size()) {
          fail("unexpected EOF while parsing", sline, len + 1, sline, len + 1, "SyntaxError",
               LexResult::ErrorKind::Deferred);
        }
        return;
      }
      if (d < 0) {
        int len = currentLineLength();
        fail("unexpected EOF while parsing", sline, len + 1, sline, len + 1, "SyntaxError",
             LexResult::ErrorKind::Deferred);
        return;
      }
      int col = colAt(pos_ + 1) + 1;
      fail("unexpected character after line continuation character", sline, col, sline, col,
           "SyntaxError", LexResult::ErrorKind::Deferred);
      return;
    }
    lexOperator(start, sline, scol);
  }

  // Indentation at the start of a logical line. Returns false if the line was blank (or an
  // error stopped the lexer): the caller's step ends and the next one starts over.
  bool lineStart() {
    int col = 0, alt = 0;
    int contLineCol = 0;  // CPython: a backslash continuation inside the indentation fixes it
    size_t p = pos_;
    while (true) {
      int c = peekc(p);
      if (c == ' ') {
        ++col;
        ++alt;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        ++alt;
      } else if (c == '\f') {
        col = alt = 0;
      } else if (c == '\\') {
        contLineCol = contLineCol ? contLineCol : col;
        int d = peekc(p + 1);
        if (d != '\n') {
          if (d < 0) {
            int len = currentLineLength();
            fail("unexpected EOF while parsing", line_, len + 1, line_, len + 1, "SyntaxError",
                 LexResult::ErrorKind::Deferred);
          } else {
            int ec = colAt(p + 1) + 1;
            fail("unexpected character after line continuation character", line_, ec, line_, ec,
                 "SyntaxError", LexResult::ErrorKind::Deferred);
          }
          return false;
        }
        int len = currentLineLength();
        int l = line_;
        newLineAt(p + 1);
        p += 2;
        if (p >= s_.size()) {
          fail("unexpected EOF while parsing", l, len + 1, l, len + 1, "SyntaxError",
               LexResult::ErrorKind::Deferred);
          return false;
        }
        continue;
      } else {
        break;
      }
      ++p;
    }
    if (contLineCol) col = alt = contLineCol;
    int c = peekc(p);
    if (c == '#' || c == '\n') {  // blank or comment-only line: no tokens, no indentation
      while (p < s_.size() && s_[p] != '\n') ++p;
      if (p < s_.size()) {
        newLineAt(p);
        ++p;
      }
      pos_ = p;
      return false;
    }
    atLineStart_ = false;
    pos_ = p;
    if (c < 0) return true;  // end of file: eof() dedents
    int indentEnd = colAt(p);
    if (col == indents_.back()) {
      if (alt != altIndents_.back()) return tabError();
    } else if (col > indents_.back()) {
      if (static_cast<int>(indents_.size()) >= kMaxIndent) {
        fail("too many levels of indentation", line_, 1, line_, 1, "IndentationError",
             LexResult::ErrorKind::Deferred);
        return false;
      }
      if (alt <= altIndents_.back()) return tabError();
      indents_.push_back(col);
      altIndents_.push_back(alt);
      emitAt(TokenKind::Indent, line_, 0, indentEnd);
    } else {
      int dedents = 0;
      while (indents_.size() > 1 && col < indents_.back()) {
        indents_.pop_back();
        altIndents_.pop_back();
        ++dedents;
      }
      if (col != indents_.back()) {
        int len = currentLineLength() + 1;
        fail("unindent does not match any outer indentation level", line_, len, line_, len,
             "IndentationError", LexResult::ErrorKind::Deferred);
        return false;
      }
      if (alt != altIndents_.back()) return tabError();
      for (int i = 0; i < dedents; ++i) emitAt(TokenKind::Dedent, line_, indentEnd, indentEnd);
    }
    return true;
  }

  bool tabError() {
    fail("inconsistent use of tabs and spaces in indentation", line_, 1, line_, 1, "TabError",
         LexResult::ErrorKind::Deferred);
    return false;
  }

  void eof() {
    if (opt_.fstringExpr) {
      int c = colAt(pos_);
      emitAt(TokenKind::EndMarker, line_, c, c);
      done_ = true;
      return;
    }
    if (!brackets_.empty()) {
      const Bracket& b = brackets_.back();
      std::string msg = "'";
      msg += b.ch;
      msg += "' was never closed";
      fail(msg, b.line, b.col + 1, b.line, b.col + 1, "SyntaxError",
           LexResult::ErrorKind::UnclosedBracket);
      return;
    }
    int eofLine = line_, eofCol = colAt(pos_);
    if (!s_.empty() && s_.back() == '\n') {
      eofLine = lastNewlineLine_;
      eofCol = lastNewlineCol_;
    }
    if (!res_.tokens.empty()) {
      TokenKind last = res_.tokens.back().kind;
      if (last != TokenKind::Newline && last != TokenKind::Indent && last != TokenKind::Dedent) {
        emitAt(TokenKind::Newline, line_, colAt(pos_), colAt(pos_) + 1);
      }
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      altIndents_.pop_back();
      emitAt(TokenKind::Dedent, eofLine, eofCol, eofCol);
    }
    emitAt(TokenKind::EndMarker, eofLine, eofCol, eofCol);
    done_ = true;
  }

  void lexNameOrString(size_t start, int sline, int scol) {
    // String prefix: CPython accepts any order of b/r/u/f with these restrictions.
    bool sawB = false, sawR = false, sawU = false, sawF = false;
    size_t p = pos_;
    while (true) {
      int ch = peekc(p);
      if (!(sawB || sawU || sawF) && (ch == 'b' || ch == 'B')) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (ch == 'u' || ch == 'U')) sawU = true;
      else if (!(sawR || sawU) && (ch == 'r' || ch == 'R')) sawR = true;
      else if (!(sawF || sawB || sawU) && (ch == 'f' || ch == 'F')) sawF = true;
      else break;
      ++p;
      int q = peekc(p);
      if (q == '"' || q == '\'') {
        lexString(start, p, sline, scol);
        return;
      }
    }
    p = pos_;
    bool nonAscii = false;
    while (p < s_.size()) {
      int ch = static_cast<unsigned char>(s_[p]);
      if (isAsciiIdentChar(ch)) {
        ++p;
      } else if (ch >= 0x80) {
        nonAscii = true;
        ++p;
      } else {
        break;
      }
    }
    if (nonAscii && !verifyIdentifier(start, p)) return;
    pos_ = p;
    emit(TokenKind::Name, start, sline, scol, pos_);
  }

  bool verifyIdentifier(size_t start, size_t end) {
    size_t i = start;
    bool first = true;
    while (i < end) {
      uint32_t cp;
      int len = decodeUtf8(s_, i, cp);
      bool ok = first ? unicodeClass(cp) == kStart
                      : (unicodeClass(cp) == kStart || unicodeClass(cp) == kContinue);
      if (!ok) {
        int col = colAt(i) + 1;
        std::string msg;
        if (isPrintable(cp)) {
          msg = "invalid character '";
          msg += std::string(s_.substr(i, len));
          msg += "' (U+" + hex4(cp) + ")";
        } else {
          msg = "invalid non-printable character U+" + hex4(cp);
        }
        fail(msg, line_, col, line_, col);
        return false;
      }
      first = false;
      i += len;
    }
    return true;
  }

  // CPython's verify_end_of_number: a number directly followed by an identifier character is an
  // error, except before the keywords that may follow a number in valid code (a warning there).
  bool verifyEndOfNumber(int c, const char* kind) {
    bool r = false;
    auto lookahead = [&](const char* rest) {
      size_t p = pos_;
      for (const char* q = rest; *q; ++q, ++p) {
        if (peekc(p) != *q) return false;
      }
      return !isPotentialIdentifierChar(peekc(p));
    };
    if (c == 'a') r = lookahead("nd");
    else if (c == 'e') r = lookahead("lse");
    else if (c == 'f') r = lookahead("or");
    else if (c == 'i') {
      int c2 = peekc(pos_);
      r = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o') r = lookahead("r");
    else if (c == 'n') r = lookahead("ot");
    if (r) return true;
    if (isPotentialIdentifierChar(c)) {
      backup(c);
      failAtCur(std::string("invalid ") + kind + " literal", pos_);
      return false;
    }
    return true;
  }

  // tok_decimal_tail: digits with single underscores between them. Returns the character after
  // them, or -2 after an error.
  int decimalTail() {
    int c;
    while (true) {
      do {
        c = nextc();
      } while (isDigit(c));
      if (c != '_') break;
      c = nextc();
      if (!isDigit(c)) {
        backup(c);
        failAtCur("invalid decimal literal", pos_);
        return -2;
      }
    }
    return c;
  }

  void lexNumber(size_t start, int sline, int scol) {
    int c = nextc();
    bool fraction = false, exponent = false, imaginary = false;
    if (c == '.') {
      c = nextc();
      fraction = true;
    } else if (c == '0') {
      c = nextc();
      if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
        int kindChar = c | 0x20;
        const char* kind =
            kindChar == 'x' ? "hexadecimal" : kindChar == 'o' ? "octal" : "binary";
        auto inBase = [&](int ch) {
          if (kindChar == 'x') return isHexDigit(ch);
          if (kindChar == 'o') return ch >= '0' && ch <= '7';
          return ch == '0' || ch == '1';
        };
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (!inBase(c)) {
            if (kindChar != 'x' && isDigit(c)) {
              char msg[64];
              std::snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
              failAtCur(msg, pos_);
              return;
            }
            backup(c);
            failAtCur(std::string("invalid ") + kind + " literal", pos_);
            return;
          }
          do {
            c = nextc();
          } while (inBase(c));
        } while (c == '_');
        if (kindChar != 'x' && isDigit(c)) {
          char msg[64];
          std::snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
          failAtCur(msg, pos_);
          return;
        }
        if (!verifyEndOfNumber(c, kind)) return;
        backup(c);
        emit(TokenKind::Number, start, sline, scol, pos_);
        return;
      }
      // "0", "00", or an old-style octal (an error), or a float/imaginary starting with 0.
      bool nonzero = false;
      while (true) {
        if (c == '_') {
          c = nextc();
          if (!isDigit(c)) {
            backup(c);
            failAtCur("invalid decimal literal", pos_);
            return;
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      size_t zerosEnd = pos_;
      if (isDigit(c)) {
        nonzero = true;
        c = decimalTail();
        if (c == -2) return;
      }
      if (c == '.') {
        c = nextc();
        fraction = true;
      } else if (c == 'e' || c == 'E') {
        exponent = true;
      } else if (c == 'j' || c == 'J') {
        imaginary = true;
      } else if (nonzero) {
        backup(c);
        fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
             "octal integers",
             line_, scol + 1, line_, colAt(zerosEnd) - 1 + 1);
        return;
      } else {
        if (!verifyEndOfNumber(c, "decimal")) return;
        backup(c);
        emit(TokenKind::Number, start, sline, scol, pos_);
        return;
      }
    } else {
      c = decimalTail();
      if (c == -2) return;
      if (c == '.') {
        c = nextc();
        fraction = true;
      }
    }
    if (fraction) {
      if (isDigit(c)) {
        c = decimalTail();
        if (c == -2) return;
      }
    }
    if (!imaginary && (exponent || c == 'e' || c == 'E')) {
      int e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!isDigit(c)) {
          backup(c);
          failAtCur("invalid decimal literal", pos_);
          return;
        }
      } else if (!isDigit(c)) {
        backup(c);
        if (!verifyEndOfNumber(e, "decimal")) return;
        backup(e);
        emit(TokenKind::Number, start, sline, scol, pos_);
        return;
      }
      c = decimalTail();
      if (c == -2) return;
    }
    if (imaginary || c == 'j' || c == 'J') {
      c = nextc();
      if (!verifyEndOfNumber(c, "imaginary")) return;
    } else if (!verifyEndOfNumber(c, "decimal")) {
      return;
    }
    backup(c);
    emit(TokenKind::Number, start, sline, scol, pos_);
  }

  void lexString(size_t start, size_t quotePos, int sline, int scol) {
    pos_ = quotePos;
    int quote = nextc();
    int quoteSize = 1, endQuoteSize = 0;
    int c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote) quoteSize = 3;
      else endQuoteSize = 1;  // empty string
    }
    if (c != quote) backup(c);
    while (endQuoteSize != quoteSize) {
      c = nextc();
      if (c < 0 || (quoteSize == 1 && c == '\n')) {
        int detected = line_;
        if (c < 0 && !s_.empty() && s_.back() == '\n') detected = line_ - 1;
        char msg[96];
        if (quoteSize == 3) {
          std::snprintf(msg, sizeof msg,
                        "unterminated triple-quoted string literal (detected at line %d)",
                        detected);
        } else {
          std::snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)",
                        detected);
        }
        fail(msg, sline, scol + 1, sline, scol + 1);
        return;
      }
      if (c == '\n') newLineAt(pos_ - 1);
      if (c == quote) {
        ++endQuoteSize;
      } else {
        endQuoteSize = 0;
        if (c == '\\') {
          int d = nextc();
          if (d == '\n') newLineAt(pos_ - 1);
        }
      }
    }
    emit(TokenKind::String, start, sline, scol, pos_);
  }

  void lexOperator(size_t start, int sline, int scol) {
    static const char* const kThree[] = {"**=", "...", "//=", "<<=", ">>="};
    static const char* const kTwo[] = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
                                       ":=", "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|="};
    std::string_view rest = s_.substr(pos_);
    for (const char* op : kThree) {
      if (rest.substr(0, 3) == op) {
        pos_ += 3;
        emit(TokenKind::Op, start, sline, scol, pos_);
        return;
      }
    }
    for (const char* op : kTwo) {
      if (rest.substr(0, 2) == op) {
        pos_ += 2;
        emit(TokenKind::Op, start, sline, scol, pos_);
        return;
      }
    }
    int c = static_cast<unsigned char>(s_[pos_]);
    if (c < 0x20 || c == 0x7f) {
      std::string msg = "invalid non-printable character U+" + hex4(static_cast<uint32_t>(c));
      fail(msg, sline, scol + 1, sline, scol + 1);
      return;
    }
    if (c == '(' || c == '[' || c == '{') {
      if (static_cast<int>(brackets_.size()) >= kMaxLevel) {
        fail("too many nested parentheses", sline, scol + 1, sline, scol + 1);
        return;
      }
      brackets_.push_back({static_cast<char>(c), sline, scol});
    } else if (c == ')' || c == ']' || c == '}') {
      char msg[128];
      if (brackets_.empty()) {
        std::snprintf(msg, sizeof msg, "unmatched '%c'", c);
        fail(msg, sline, scol + 1, sline, scol + 1);
        return;
      }
      const Bracket& b = brackets_.back();
      char want = b.ch == '(' ? ')' : b.ch == '[' ? ']' : '}';
      if (c != want) {
        if (b.line != sline) {
          std::snprintf(msg, sizeof msg,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                        "line %d",
                        c, b.ch, b.line);
        } else {
          std::snprintf(msg, sizeof msg,
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                        b.ch);
        }
        fail(msg, sline, scol + 1, sline, scol + 1);
        return;
      }
      brackets_.pop_back();
    }
    ++pos_;
    emit(TokenKind::Op, start, sline, scol, pos_);
  }
};

}  // namespace

bool isIdentifierStart(uint32_t cp) { return unicodeClass(cp) == kStart; }
bool isIdentifierContinue(uint32_t cp) {
  uint32_t k = unicodeClass(cp);
  return k == kStart || k == kContinue;
}
bool isPrintable(uint32_t cp) { return unicodeClass(cp) != kNonPrintable; }

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string lineText(std::string_view text, int line) {
  if (line < 1) return {};
  size_t p = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) return {};
    p = nl + 1;
  }
  size_t e = text.find('\n', p);
  if (e == std::string_view::npos) e = text.size();
  return std::string(text.substr(p, e - p));
}

bool prepareSource(std::string_view src, std::string& out, SyntaxErrorInfo& error) {
  out.clear();
  out.reserve(src.size() + 1);
  size_t i = 0;
  if (src.size() >= 3 && static_cast<unsigned char>(src[0]) == 0xEF &&
      static_cast<unsigned char>(src[1]) == 0xBB && static_cast<unsigned char>(src[2]) == 0xBF) {
    i = 3;
  }
  int line = 1;
  size_t lineStartOut = 0;  // in `out`
  size_t lineStartSrc = i;  // in `src`
  auto rawLine = [&]() {
    size_t e = lineStartSrc;
    while (e < src.size() && src[e] != '\n' && src[e] != '\r') ++e;
    return sanitizeUtf8(src.substr(lineStartSrc, e - lineStartSrc));
  };
  auto failAt = [&](std::string message) {
    error = SyntaxErrorInfo{};
    error.message = std::move(message);
    error.line = error.endLine = line;
    error.col = error.endCol = countCodePoints(std::string_view(out).substr(lineStartOut)) + 1;
    std::string text = rawLine();
    for (char& ch : text) {
      if (ch == '\0') ch = ' ';
    }
    error.sourceLine = std::move(text);
    return false;
  };
  while (i < src.size()) {
    unsigned char c = static_cast<unsigned char>(src[i]);
    if (c == '\r' || c == '\n') {
      out += '\n';
      i += (c == '\r' && i + 1 < src.size() && src[i + 1] == '\n') ? 2 : 1;
      ++line;
      lineStartOut = out.size();
      lineStartSrc = i;
      continue;
    }
    if (c == 0) return failAt("source code string cannot contain null bytes");
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int need = -1;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
    else if (c == 0xED) { need = 2; hi = 0x9F; }
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    const char* reason = nullptr;
    if (need < 0) {
      reason = "invalid start byte";
    } else {
      for (int k = 1; k <= need; ++k) {
        if (i + k >= src.size()) {
          reason = "unexpected end of data";
          break;
        }
        unsigned char b = static_cast<unsigned char>(src[i + k]);
        unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) {
          reason = "invalid continuation byte";
          break;
        }
      }
    }
    if (reason) {
      char msg[160];
      std::snprintf(msg, sizeof msg,
                    "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                    c, i - lineStartSrc, reason);
      return failAt(msg);
    }
    out.append(src.substr(i, need + 1));
    i += need + 1;
  }
  return true;
}

LexResult tokenizePrepared(std::string_view text, const LexOptions& options) {
  Lexer lexer(text, options);
  return lexer.run();
}

LexResult tokenize(std::string_view source) {
  auto buffer = std::make_unique<std::string>();
  SyntaxErrorInfo err;
  if (!prepareSource(source, *buffer, err)) {
    LexResult r;
    r.error = err;
    Token t;
    t.kind = TokenKind::Error;
    t.line = t.endLine = err.line;
    t.col = t.endCol = std::max(err.col - 1, 0);
    r.tokens.push_back(t);
    r.buffer = std::move(buffer);
    return r;
  }
  LexResult r = tokenizePrepared(*buffer, LexOptions{});
  r.buffer = std::move(buffer);
  return r;
}

StringLiteral splitStringToken(const Token& token) {
  StringLiteral s;
  std::string_view t = token.text;
  size_t i = 0;
  while (i < t.size() && t[i] != '\'' && t[i] != '"') {
    char c = static_cast<char>(t[i] | 0x20);
    if (c == 'b') s.isBytes = true;
    else if (c == 'r') s.isRaw = true;
    else if (c == 'f') s.isFString = true;
    else if (c == 'u') s.isUnicode = true;
    ++i;
  }
  s.prefixLen = static_cast<int>(i);
  if (i >= t.size()) return s;
  char q = t[i];
  s.quoteLen = (t.size() >= i + 6 && t[i + 1] == q && t[i + 2] == q) ? 3 : 1;
  size_t bodyStart = i + s.quoteLen;
  size_t bodyEnd = t.size() >= bodyStart + s.quoteLen ? t.size() - s.quoteLen : bodyStart;
  s.body = t.substr(bodyStart, bodyEnd - bodyStart);
  return s;
}

DecodeStatus decodeStringBody(std::string_view b, bool isBytes, bool isRaw, std::string& out) {
  if (isRaw) {
    out.append(b);
    return {};
  }
  auto unicodeError = [&](size_t start, size_t end, const char* what) {
    DecodeStatus st;
    st.kind = DecodeStatus::Error;
    char msg[200];
    std::snprintf(msg, sizeof msg,
                  "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                  "%s",
                  start, end - 1, what);
    st.message = msg;
    return st;
  };
  size_t i = 0, n = b.size();
  while (i < n) {
    char c = b[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= n) {
      DecodeStatus st;
      st.kind = DecodeStatus::Error;
      char msg[160];
      if (isBytes) {
        std::snprintf(msg, sizeof msg, "(value error) Trailing \\ in string");
      } else {
        std::snprintf(msg, sizeof msg,
                      "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position "
                      "%zu: \\ at end of string",
                      start);
      }
      st.message = msg;
      return st;
    }
    char e = b[i++];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i < n && b[i] >= '0' && b[i] <= '7'; ++k) {
          v = v * 8 + static_cast<uint32_t>(b[i++] - '0');
        }
        if (isBytes) out += static_cast<char>(v & 0xFF);
        else appendUtf8(out, v);
        break;
      }
      case 'x': {
        uint32_t v = 0;
        int k = 0;
        while (k < 2 && i < n && isHexDigit(static_cast<unsigned char>(b[i]))) {
          v = v * 16 + static_cast<uint32_t>(hexValue(static_cast<unsigned char>(b[i++])));
          ++k;
        }
        if (k < 2) {
          if (isBytes) {
            DecodeStatus st;
            st.kind = DecodeStatus::Error;
            char msg[96];
            std::snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu",
                          start);
            st.message = msg;
            return st;
          }
          return unicodeError(start, i, "truncated \\xXX escape");
        }
        if (isBytes) out += static_cast<char>(v);
        else appendUtf8(out, v);
        break;
      }
      case 'u':
      case 'U':
      case 'N':
        if (isBytes) {
          out += '\\';
          out += e;
          break;
        }
        if (e == 'N') {
          DecodeStatus st;
          st.kind = DecodeStatus::Unsupported;
          st.message = "`\\N{...}` escapes in strings";
          return st;
        } else {
          int want = e == 'u' ? 4 : 8;
          uint32_t v = 0;
          int k = 0;
          while (k < want && i < n && isHexDigit(static_cast<unsigned char>(b[i]))) {
            v = v * 16 + static_cast<uint32_t>(hexValue(static_cast<unsigned char>(b[i++])));
            ++k;
          }
          if (k < want) {
            return unicodeError(start, i,
                                e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
          }
          if (v > 0x10FFFF) return unicodeError(start, i, "illegal Unicode character");
          appendUtf8(out, v);
        }
        break;
      default:  // unknown escape: kept as written (CPython warns)
        out += '\\';
        out += e;
        break;
    }
  }
  return {};
}

}  // namespace interleave::lang
