//! The markup of a picker's options, written as one string.
//!
//! Why: the browser parses one `innerHTML` assignment far faster than the app creates each
//! `<option>` with its attributes and text through the DOM API, one call at a time. Measured at
//! Lighthouse's 4× slower CPU: the hardware picker's 63 options made its part of the page a
//! 120 ms task, about half of it the options.

use crate::choices::ChoiceGroups;
use crate::search_text::contains_folded;

/// Appends `text` escaped for HTML text and double-quoted attribute values.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn option(out: &mut String, value: &str, text: &str, selected: bool) {
    out.push_str("<option value=\"");
    escape_into(out, value);
    out.push_str(if selected { "\" selected>" } else { "\">" });
    escape_into(out, text);
    out.push_str("</option>");
}

/// The `<optgroup>`s and `<option>`s of `groups` whose text contains `folded_query` (see
/// [`crate::search_text::fold`]), always with the `selected` one, which is marked so. A selected
/// id that no group lists (e.g. from an old share link) comes first, as "<id> (not in the
/// dataset)"; a group with no option left is omitted.
pub fn options_html(groups: &ChoiceGroups, selected: &str, folded_query: &str) -> String {
    let mut out = String::new();
    let known = groups
        .iter()
        .any(|(_, options)| options.iter().any(|(v, _)| v == selected));
    if !known {
        option(
            &mut out,
            selected,
            &format!("{selected} (not in the dataset)"),
            true,
        );
    }
    for (group, options) in groups {
        let mut shown = options
            .iter()
            .filter(|(v, t)| v == selected || contains_folded(t, folded_query))
            .peekable();
        if shown.peek().is_none() {
            continue;
        }
        out.push_str("<optgroup label=\"");
        escape_into(&mut out, group);
        out.push_str("\">");
        for (value, text) in shown {
            option(&mut out, value, text, value == selected);
        }
        out.push_str("</optgroup>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> ChoiceGroups {
        vec![
            (
                "NVIDIA GPUs".into(),
                vec![
                    ("a100".into(), "A100 (400 W)".into()),
                    ("h100".into(), "H100 (700 W)".into()),
                ],
            ),
            ("TPUs".into(), vec![("v4".into(), "TPU v4 (192 W)".into())]),
        ]
    }

    #[test]
    fn lists_every_group_and_marks_the_selected_option() {
        assert_eq!(
            options_html(&groups(), "h100", ""),
            "<optgroup label=\"NVIDIA GPUs\"><option value=\"a100\">A100 (400 W)</option>\
             <option value=\"h100\" selected>H100 (700 W)</option></optgroup>\
             <optgroup label=\"TPUs\"><option value=\"v4\">TPU v4 (192 W)</option></optgroup>"
        );
    }

    #[test]
    fn a_query_keeps_matches_and_the_selected_option_and_drops_empty_groups() {
        assert_eq!(
            options_html(&groups(), "a100", "tpu"),
            "<optgroup label=\"NVIDIA GPUs\"><option value=\"a100\" selected>A100 (400 W)</option>\
             </optgroup><optgroup label=\"TPUs\"><option value=\"v4\">TPU v4 (192 W)</option></optgroup>"
        );
        assert_eq!(
            options_html(&groups(), "a100", "zzz"),
            "<optgroup label=\"NVIDIA GPUs\"><option value=\"a100\" selected>A100 (400 W)</option></optgroup>"
        );
    }

    #[test]
    fn an_unknown_id_comes_first_and_everything_is_escaped() {
        let html = options_html(&groups(), "\"><script>x&y", "zzz");
        assert_eq!(
            html,
            "<option value=\"&quot;&gt;&lt;script&gt;x&amp;y\" selected>\
             &quot;&gt;&lt;script&gt;x&amp;y (not in the dataset)</option>"
        );
        let groups = vec![(
            "<b>&\"".to_string(),
            vec![("v".to_string(), "<i>".to_string())],
        )];
        assert_eq!(
            options_html(&groups, "v", ""),
            "<optgroup label=\"&lt;b&gt;&amp;&quot;\"><option value=\"v\" selected>&lt;i&gt;</option></optgroup>"
        );
    }
}
