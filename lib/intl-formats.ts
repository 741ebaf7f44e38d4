// Intl date formatters, kept: building one costs tens of microseconds, and a big site asks
// for thousands (each post's zone name, dates, calendar) with a handful of locales and options.
const formats = new Map<string, Intl.DateTimeFormat>();

/** `new Intl.DateTimeFormat(locale, options)`, built once per locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Bounded, whatever the settings and zones ask for.
    if (formats.size >= 1000) formats.clear();
    formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  }
  return format;
}
