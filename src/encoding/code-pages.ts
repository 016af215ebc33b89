/**
 * The upper halves (bytes 0x80-0xFF) of the single-byte code pages that UTF-8 is most often
 * mis-read as. Each string holds 128 characters, one per byte, from the published code page tables.
 * Bytes a Windows code page leaves undefined map to the code point of the same number
 * (0x81 -> U+0081), as browsers decode them; `undefinedBytes` lists them.
 */
export interface CodePageTable {
  /** Characters for bytes 0x80-0xFF. */
  readonly high: string;
  /** Bytes the code page leaves undefined (decoded to the code point of the same number). */
  readonly undefinedBytes: readonly number[];
}

export const CODE_PAGES = {
  'latin-1': {
    high:
      '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f' +
      '\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f' +
      '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯' +
      '°±²³´µ¶·¸¹º»¼½¾¿' +
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ' +
      'ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß' +
      'àáâãäåæçèéêëìíîï' +
      'ðñòóôõö÷øùúûüýþÿ',
    undefinedBytes: [],
  },
  'windows-1252': {
    high:
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f' +
      '\u0090‘’“”•–—˜™š›œ\u009džŸ' +
      '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯' +
      '°±²³´µ¶·¸¹º»¼½¾¿' +
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ' +
      'ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß' +
      'àáâãäåæçèéêëìíîï' +
      'ðñòóôõö÷øùúûüýþÿ',
    undefinedBytes: [0x81, 0x8d, 0x8f, 0x90, 0x9d],
  },
  'windows-1250': {
    high:
      '€\u0081‚\u0083„…†‡\u0088‰Š‹ŚŤŽŹ' +
      '\u0090‘’“”•–—\u0098™š›śťžź' +
      '\u00a0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00ad®Ż' +
      '°±˛ł´µ¶·¸ąş»Ľ˝ľż' +
      'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎ' +
      'ĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' +
      'ŕáâăäĺćçčéęëěíîď' +
      'đńňóôőö÷řůúűüýţ˙',
    undefinedBytes: [0x81, 0x83, 0x88, 0x90, 0x98],
  },
  'windows-1251': {
    high:
      'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏ' +
      'ђ‘’“”•–—\u0098™љ›њќћџ' +
      '\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї' +
      '°±Ііґµ¶·ё№є»јЅѕї' +
      'АБВГДЕЖЗИЙКЛМНОП' +
      'РСТУФХЦЧШЩЪЫЬЭЮЯ' +
      'абвгдежзийклмноп' +
      'рстуфхцчшщъыьэюя',
    undefinedBytes: [0x98],
  },
  'windows-1253': {
    high:
      '€\u0081‚ƒ„…†‡\u0088‰\u008a‹\u008c\u008d\u008e\u008f' +
      '\u0090‘’“”•–—\u0098™\u009a›\u009c\u009d\u009e\u009f' +
      '\u00a0΅Ά£¤¥¦§¨©ª«¬\u00ad®―' +
      '°±²³΄µ¶·ΈΉΊ»Ό½ΎΏ' +
      'ΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟ' +
      'ΠΡÒΣΤΥΦΧΨΩΪΫάέήί' +
      'ΰαβγδεζηθικλμνξο' +
      'πρςστυφχψωϊϋόύώÿ',
    undefinedBytes: [0x81, 0x88, 0x8a, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x98, 0x9a, 0x9c, 0x9d, 0x9e, 0x9f, 0xaa, 0xd2, 0xff],
  },
  'windows-1254': {
    high:
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008d\u008e\u008f' +
      '\u0090‘’“”•–—˜™š›œ\u009d\u009eŸ' +
      '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯' +
      '°±²³´µ¶·¸¹º»¼½¾¿' +
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ' +
      'ĞÑÒÓÔÕÖ×ØÙÚÛÜİŞß' +
      'àáâãäåæçèéêëìíîï' +
      'ğñòóôõö÷øùúûüışÿ',
    undefinedBytes: [0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e],
  },
  'windows-1257': {
    high:
      '€\u0081‚\u0083„…†‡\u0088‰\u008a‹\u008c¨ˇ¸' +
      '\u0090‘’“”•–—\u0098™\u009a›\u009c¯˛\u009f' +
      '\u00a0¡¢£¤¥¦§Ø©Ŗ«¬\u00ad®Æ' +
      '°±²³´µ¶·ø¹ŗ»¼½¾æ' +
      'ĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻ' +
      'ŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽß' +
      'ąįāćäåęēčéźėģķīļ' +
      'šńņóōõö÷ųłśūüżž˙',
    undefinedBytes: [0x81, 0x83, 0x88, 0x8a, 0x8c, 0x90, 0x98, 0x9a, 0x9c, 0x9f, 0xa1, 0xa5],
  },
  'iso-8859-2': {
    high:
      '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f' +
      '\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f' +
      '\u00a0Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u00adŽŻ' +
      '°ą˛ł´ľśˇ¸šşťź˝žż' +
      'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎ' +
      'ĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' +
      'ŕáâăäĺćçčéęëěíîď' +
      'đńňóôőö÷řůúűüýţ˙',
    undefinedBytes: [],
  },
  'macroman': {
    high:
      'ÄÅÇÉÑÖÜáàâäãåçéè' +
      'êëíìîïñóòôöõúùûü' +
      '†°¢£§•¶ß®©™´¨≠ÆØ' +
      '∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
      '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ' +
      '–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
      '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ' +
      'ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
    undefinedBytes: [],
  },
  'cp437': {
    high:
      'ÇüéâäàåçêëèïîìÄÅ' +
      'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
      'áíóúñÑªº¿⌐¬½¼¡«»' +
      '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
      '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
      '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
      'αßΓπΣσµτΦΘΩδ∞φε∩' +
      '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
    undefinedBytes: [],
  },
} as const satisfies Record<string, CodePageTable>;

export type CodePageName = keyof typeof CODE_PAGES;
