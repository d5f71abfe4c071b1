//! Text folding for the search boxes: case- and accent-insensitive matching of names.
//!
//! Design note: region and hardware names are Latin script ("São Paulo", "Zürich", "Île-de-France")
//! and people type them without accents. Folding Latin letters to their ASCII base letter lets
//! "sao", "zurich" and "ile" match. It is also why this is not `str::to_lowercase`: that pulls
//! the full Unicode case tables (about 4 KB of gzip) into the WebAssembly for no better result
//! on these names. Characters outside the Latin ranges are kept as they are.

/// `text` folded for matching: ASCII letters lower-cased, Latin letters with diacritics replaced by
/// their base letters (`"São Paulo"` → `"sao paulo"`, `"Straße"` → `"strasse"`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match base_letters(c) {
            Some(base) => out.push_str(base),
            None => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// True when the already folded `query` is empty or occurs in the folded `text`.
pub fn contains_folded(text: &str, query: &str) -> bool {
    query.is_empty() || fold(text).contains(query)
}

/// The ASCII base letters of a Latin-1 or Latin Extended-A letter, lower case.
fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        'Þ' | 'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("Île-de-France"), "ile-de-france");
        assert_eq!(fold("Montréal"), "montreal");
        assert_eq!(fold("Kraków, Łódź"), "krakow, lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("NVIDIA A100 SXM4 80GB"), "nvidia a100 sxm4 80gb");
        assert_eq!(fold("東京"), "東京");
    }

    #[test]
    fn matches_folded_queries() {
        assert!(contains_folded("São Paulo (sa-east-1)", &fold("SAO")));
        assert!(contains_folded("anything", ""));
        assert!(!contains_folded("Zürich", &fold("zurg")));
    }

    #[test]
    fn ascii_folding_agrees_with_to_lowercase() {
        let ascii: String = (' '..='~').collect();
        assert_eq!(fold(&ascii), ascii.to_lowercase());
    }
}
