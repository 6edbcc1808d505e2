import type { en } from './en';

/**
 * The composer's texts in the reader's language: dotted keys into the text trees of
 * `en/` and `de/`, `{{name}}` and `{{count, number}}` slots, and counted texts as `key_one` /
 * `key_other`, picked by the language's own plural rules (`Intl.PluralRules`). A text missing
 * in a language comes from English; an unknown key reads as the default given, else as itself.
 * The texts keep i18next's format; what the platform's Intl does (plural rules, numbers) is
 * not done here again.
 */

type Tree = { readonly [key: string]: string | Tree };

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type Branches<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : `${Prefix}${K}` | Branches<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type At<T, Key extends string> = Key extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : Key extends keyof T
    ? T[Key]
    : never;

type English = typeof en;
/** Every text's key; a counted text by its key without `_one` / `_other`. */
export type TextKey =
  | Leaves<English>
  | (Leaves<English> extends infer K
      ? K extends `${infer Base}_${'one' | 'other'}`
        ? Base
        : never
      : never);
type GroupKey = Branches<English>;

export interface TextOptions {
  /** Picks the plural form, and fills `{{count}}`. */
  count?: number;
  /** This language instead of the reader's. */
  lng?: string;
  [slot: string]: unknown;
}

export interface TFunction {
  (key: TextKey, options?: TextOptions): string;
  /** A key made at run time: the default reads when there is no such text. */
  (key: string, defaultValue: string): string;
  /** A group of texts as it stands, for a component that shows many of them. */
  <Key extends GroupKey>(
    key: Key,
    options: { returnObjects: true; lng?: string },
  ): At<English, Key>;
}

type FormatNumber = (
  value: number,
  language: string,
  options: Intl.NumberFormatOptions | undefined,
) => string;

/** Options of a call that shape how `{{…, number}}` writes its number. */
const NUMBER_OPTIONS = [
  'style',
  'unit',
  'unitDisplay',
  'notation',
  'compactDisplay',
  'useGrouping',
  'signDisplay',
  'minimumIntegerDigits',
  'minimumFractionDigits',
  'maximumFractionDigits',
  'maximumSignificantDigits',
] as const;

const SLOT = /\{\{\s*([^,}\s]+)\s*(?:,\s*([^}\s]+)\s*)?\}\}/g;

export class Translator<Language extends string> {
  /** The language texts are given in. */
  language: Language;
  private readonly listeners = new Set<(language: Language) => void>();
  private readonly plurals = new Map<string, Intl.PluralRules>();

  constructor(
    private readonly texts: Record<Language, Tree>,
    private readonly fallback: Language,
    private readonly formatNumber: FormatNumber,
  ) {
    this.language = fallback;
  }

  /** Texts in the reader's language. */
  readonly t: TFunction = ((key: string, options?: TextOptions | string) =>
    this.translate(key, options, this.language)) as TFunction;

  /** A `t` that keeps to one language (what a component renders with until the language changes). */
  fixedT(language: Language): TFunction {
    return ((key: string, options?: TextOptions | string) =>
      this.translate(key, options, language)) as TFunction;
  }

  exists(key: string): boolean {
    return this.find(key, undefined, this.language) !== undefined;
  }

  changeLanguage(language: Language): Promise<void> {
    if (language !== this.language && language in this.texts) {
      this.language = language;
      for (const listener of [...this.listeners]) listener(language);
    }
    return Promise.resolve();
  }

  on(_event: 'languageChanged', listener: (language: Language) => void): void {
    this.listeners.add(listener);
  }

  off(_event: 'languageChanged', listener: (language: Language) => void): void {
    this.listeners.delete(listener);
  }

  private translate(key: string, options: TextOptions | string | undefined, language: string) {
    const given: TextOptions & { returnObjects?: boolean } =
      typeof options === 'string' ? {} : (options ?? {});
    const lng = given.lng ?? language;
    const found = this.find(key, given.count, lng);
    if (typeof found === 'string') return this.fill(found, given, lng);
    if (found !== undefined && given.returnObjects) return found;
    return typeof options === 'string' ? options : key;
  }

  private find(
    key: string,
    count: number | undefined,
    language: string,
  ): string | Tree | undefined {
    const languages = language === this.fallback ? [language] : [language, this.fallback];
    for (const lng of languages) {
      const candidates =
        count === undefined ? [key] : [`${key}_${this.pluralOf(lng, count)}`, `${key}_other`, key];
      for (const candidate of candidates) {
        const found = this.lookup(lng, candidate);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  private lookup(language: string, key: string): string | Tree | undefined {
    let node: string | Tree | undefined = this.texts[language as Language];
    for (const part of key.split('.')) {
      if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part))
        return undefined;
      node = node[part];
    }
    return node;
  }

  private pluralOf(language: string, count: number): Intl.LDMLPluralRule {
    let rules = this.plurals.get(language);
    if (!rules) this.plurals.set(language, (rules = new Intl.PluralRules(language)));
    return rules.select(count);
  }

  /** One pass over the text: a value that looks like a slot stays as it came. */
  private fill(text: string, values: TextOptions, language: string): string {
    return text.replace(SLOT, (slot, name: string, format: string | undefined) => {
      const value = values[name];
      if (value === undefined) return slot;
      if (format === 'number' && typeof value === 'number') {
        const shaping = NUMBER_OPTIONS.filter((option) => values[option] !== undefined);
        const options = shaping.length
          ? (Object.fromEntries(
              shaping.map((option) => [option, values[option]]),
            ) as Intl.NumberFormatOptions)
          : undefined;
        return this.formatNumber(value, language, options);
      }
      return String(value);
    });
  }
}
