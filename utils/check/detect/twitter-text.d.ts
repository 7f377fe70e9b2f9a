// twitter-text 3.1.0 and twemoji-parser 11 ship no types. Declared here: the narrow modules the detectors
// import (see entities.ts for why), and the parts of the full package the tests compare against.

declare module 'twitter-text/dist/esm/regexp/extractUrl' {
  const regex: RegExp;
  export default regex;
}
declare module 'twitter-text/dist/esm/regexp/validAsciiDomain' {
  const regex: RegExp;
  export default regex;
}
declare module 'twitter-text/dist/esm/regexp/validTcoUrl' {
  const regex: RegExp;
  export default regex;
}
declare module 'twitter-text/dist/esm/regexp/validHashtag' {
  const regex: RegExp;
  export default regex;
}
declare module 'twitter-text/dist/esm/regexp/endHashtagMatch' {
  const regex: RegExp;
  export default regex;
}
declare module 'twitter-text/dist/esm/regexp/validMentionOrList' {
  const regex: RegExp;
  export default regex;
}
declare module 'twitter-text/dist/esm/regexp/endMentionMatch' {
  const regex: RegExp;
  export default regex;
}
declare module 'twemoji-parser/dist/lib/regex' {
  // CommonJS with exports.default: which of the two the default import is depends on the bundler's interop.
  const regex: RegExp | { default: RegExp };
  export default regex;
}

declare module 'twitter-text/dist/esm/configs' {
  interface WeightRange {
    start: number;
    end: number;
    weight: number;
  }
  interface TweetConfig {
    version: number;
    maxWeightedTweetLength: number;
    scale: number;
    defaultWeight: number;
    emojiParsingEnabled?: boolean;
    transformedURLLength: number;
    ranges: WeightRange[];
  }
  const configs: { version1: TweetConfig; version2: TweetConfig; version3: TweetConfig; defaults: TweetConfig };
  export default configs;
}

declare module 'twitter-text' {
  interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
    validRangeStart: number;
    /** Inclusive. */
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  }
  interface EntityWithIndices {
    indices: [number, number];
    url?: string;
    hashtag?: string;
    screenName?: string;
    listSlug?: string;
    cashtag?: string;
  }
  export function parseTweet(text: string): ParsedTweet;
  export function extractEntitiesWithIndices(text: string): EntityWithIndices[];
  export function extractUrlsWithIndices(text: string): { url: string; indices: [number, number] }[];
  export function modifyIndicesFromUTF16ToUnicode(text: string, entities: EntityWithIndices[]): void;
  const twttr: {
    parseTweet: typeof parseTweet;
    extractEntitiesWithIndices: typeof extractEntitiesWithIndices;
    extractUrlsWithIndices: typeof extractUrlsWithIndices;
    modifyIndicesFromUTF16ToUnicode: typeof modifyIndicesFromUTF16ToUnicode;
  };
  export default twttr;
}

// punycode 1.4.1, twitter-text's own dependency: the tests measure domain labels with it.
declare module 'punycode/punycode.js' {
  const punycode: { toASCII(domain: string): string };
  export default punycode;
}
