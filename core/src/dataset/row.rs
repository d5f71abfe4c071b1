//! One row of a dataset table being read, in either of the two forms the dataset comes in: an
//! object per row (the committed files) or a column per member (what the app embeds, see
//! `core/build.rs`).
//!
//! Members are read in a straight line and the first error is kept for the end ([`Row::done`])
//! rather than returned at once: the row readers are then plain sequences of calls without a
//! clean-up path per member, which is smaller WebAssembly for the same result (the same first
//! error, in member order).

use crate::json::{in_item, in_member, invalid, leaf, Leaf, Node, Obj, Res};
use serde::de::Error as _;
use serde_json::Error;
use std::borrow::Cow;
use std::cell::Cell;

/// The members of one table, each an array with one value per row (`null`: the row lacks it).
type Columns<'n, 'a> = &'n [(Cow<'a, str>, Node<'a>)];

/// Where a row's members are.
#[derive(Clone, Copy)]
enum Form<'n, 'a> {
    /// An object of its own.
    Object(Obj<'n, 'a>),
    /// Row `i` of each column.
    Column(Columns<'n, 'a>, usize),
}

/// A row being read; see the module documentation.
pub struct Row<'n, 'a> {
    form: Form<'n, 'a>,
    error: Cell<Option<Error>>,
}

impl<'n, 'a> Row<'n, 'a> {
    /// `v` as an object whose members may each appear once (see [`Obj::strict`]).
    pub fn object(v: &'n Node<'a>, what: &str) -> Res<Self> {
        Ok(Row::of(Form::Object(Obj::strict(v, what)?)))
    }

    fn of(form: Form<'n, 'a>) -> Self {
        Row {
            form,
            error: Cell::new(None),
        }
    }

    /// The member `key`, if present (a `null` cell of a column counts as absent).
    fn get(&self, key: &str) -> Option<&'n Node<'a>> {
        match self.form {
            Form::Object(obj) => obj.get(key),
            Form::Column(columns, i) => columns
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, column)| match column {
                    Node::List(cells) => cells.get(i),
                    _ => None,
                })
                .filter(|cell| !matches!(cell, Node::Null)),
        }
    }

    /// The member `key` read by `read`, `default` when absent (or "missing field" when there is
    /// none); a nested error is prefixed with the key, as [`Obj::with`] does.
    fn member<T>(&self, key: &'static str, read: fn(&Node) -> Res<T>, default: Option<T>) -> T
    where
        T: Default,
    {
        let value = match (self.get(key), default) {
            (Some(node), _) => read(node).map_err(|e| in_member(key, e)),
            (None, Some(default)) => Ok(default),
            (None, None) => Err(Error::missing_field(key)),
        };
        self.keep(value)
    }

    /// The value, or the default after recording the error if it is the first.
    #[inline(never)]
    fn keep<T: Default>(&self, read: Res<T>) -> T {
        read.unwrap_or_else(|e| {
            let first = self.error.take().unwrap_or(e);
            self.error.set(Some(first));
            T::default()
        })
    }

    /// A required leaf member (see [`Obj::req`]).
    pub fn req<T: Leaf + Default>(&self, key: &'static str) -> T {
        self.member(key, leaf, None)
    }

    /// An optional leaf member: `None` when absent or `null` (see [`Obj::opt`]).
    pub fn opt<T: Leaf>(&self, key: &'static str) -> Option<T> {
        self.member(key, leaf, Some(None))
    }

    /// A leaf member with a default for when it is absent (see [`Obj::or`]).
    pub fn or<T: Leaf + Default>(&self, key: &'static str, default: T) -> T {
        self.member(key, leaf, Some(default))
    }

    /// A required member read by `read` (see [`Obj::with`]).
    pub fn with<T: Default>(&self, key: &'static str, read: fn(&Node) -> Res<T>) -> T {
        self.member(key, read, None)
    }

    /// A member read by `read`, `T::default()` when absent.
    pub fn with_or<T: Default>(&self, key: &'static str, read: fn(&Node) -> Res<T>) -> T {
        self.member(key, read, Some(T::default()))
    }

    /// The row, or the first error met while reading it.
    pub fn done<T>(&self, row: T) -> Res<T> {
        match self.error.take() {
            None => Ok(row),
            Some(e) => Err(e),
        }
    }
}

/// `v` as one object (named `what` in a type error) read by `read`.
pub fn object<T>(v: &Node, what: &str, read: fn(&Row) -> Res<T>) -> Res<T> {
    read(&Row::object(v, what)?)
}

/// Every row of a table read by `read`: an array of objects (each named `what` in a type error)
/// or an object of equally long arrays. An error is prefixed with the row's index.
pub fn table<T>(v: &Node, what: &str, read: fn(&Row) -> Res<T>) -> Res<Vec<T>> {
    // Only this loop is compiled per row type; finding the rows is not generic.
    let rows = rows_of(v, what)?;
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        match row.and_then(|row| read(&row)) {
            Ok(value) => out.push(value),
            Err(e) => return Err(in_item(i, e)),
        }
    }
    Ok(out)
}

/// The rows of a table in either form; a row that is not an object is an error in its place.
fn rows_of<'n, 'a>(v: &'n Node<'a>, what: &str) -> Res<Vec<Result<Row<'n, 'a>, Error>>> {
    match v {
        Node::List(items) => Ok(items.iter().map(|item| Row::object(item, what)).collect()),
        Node::Obj(columns) => {
            // A column given twice is an error, as a member given twice is in a row.
            Obj::strict(v, what)?;
            let len = match columns.first() {
                Some((_, Node::List(cells))) => cells.len(),
                _ => 0,
            };
            if let Some((key, _)) = (columns.iter())
                .find(|(_, column)| !matches!(column, Node::List(cells) if cells.len() == len))
            {
                return Err(Error::custom(format_args!(
                    "column `{key}` is not an array of {len} values"
                )));
            }
            Ok((0..len)
                .map(|i| Ok(Row::of(Form::Column(columns, i))))
                .collect())
        }
        _ => Err(invalid(v, "a sequence")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{parse, BUNDLED_DATASET_JSON, DATASET_JSON};
    use crate::json::parse as tree;

    /// (name, year, flag) of a tiny table, for reading both forms.
    fn pair(o: &Row) -> Res<(String, u16, bool)> {
        o.done((o.req("name"), o.req("yr"), o.or("fb", false)))
    }

    fn read(json: &str) -> Result<Vec<(String, u16, bool)>, String> {
        let node = tree(json).map_err(|e| e.to_string())?;
        table(&node, "struct Pair", pair).map_err(|e| e.to_string())
    }

    #[test]
    fn rows_and_columns_read_the_same() {
        let rows = read(r#"[{"name":"a","yr":2020},{"name":"b","yr":2021,"fb":true}]"#);
        let columns = read(r#"{"name":["a","b"],"yr":[2020,2021],"fb":[null,true]}"#);
        assert_eq!(
            rows,
            Ok(vec![("a".into(), 2020, false), ("b".into(), 2021, true)])
        );
        assert_eq!(columns, rows);
    }

    #[test]
    fn errors_say_which_row_and_member() {
        let err = read(r#"{"name":["a","b"],"yr":[2020,"x"]}"#).unwrap_err();
        assert!(
            err.starts_with("[1]: yr: invalid type: string \"x\""),
            "{err}"
        );
        let err = read(r#"{"name":["a","b"],"yr":[2020,null]}"#).unwrap_err();
        assert!(err.starts_with("[1]: missing field `yr`"), "{err}");
        let err = read(r#"[{"name":"a","yr":2020},{"yr":1}]"#).unwrap_err();
        assert!(err.starts_with("[1]: missing field `name`"), "{err}");
        let err = read(r#"{"name":["a","b"],"yr":[2020]}"#).unwrap_err();
        assert!(
            err.starts_with("column `yr` is not an array of 2 values"),
            "{err}"
        );
        let err = read(r#"{"name":["a"],"name":["b"]}"#).unwrap_err();
        assert!(err.starts_with("duplicate field `name`"), "{err}");
        let err = read(r#""rows""#).unwrap_err();
        assert!(err.contains("expected a sequence"), "{err}");
    }

    #[test]
    fn the_first_error_of_a_row_is_the_one_reported() {
        let err = read(r#"[{"name":1,"yr":"x"}]"#).unwrap_err();
        assert!(err.starts_with("[0]: name: invalid type"), "{err}");
    }

    #[test]
    fn the_embedded_column_form_equals_the_committed_rows() {
        assert!(
            BUNDLED_DATASET_JSON.starts_with('{') && !BUNDLED_DATASET_JSON.contains("},{\"cc\"")
        );
        let committed = parse(DATASET_JSON).expect("committed dataset reads");
        assert_eq!(parse(BUNDLED_DATASET_JSON), Ok(committed));
        assert!(BUNDLED_DATASET_JSON.len() < DATASET_JSON.len());
    }
}
