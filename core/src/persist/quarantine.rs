//! Where unreadable stored data goes: a quarantine key that never overwrites an earlier one.

/// Prefix of every quarantine key: `mlcalc.quarantine.<source key>.<ms timestamp>[.<n>]`.
pub const QUARANTINE_PREFIX: &str = "mlcalc.quarantine.";

/// True for keys made by [`quarantine_key`].
pub fn is_quarantine_key(key: &str) -> bool {
    key.starts_with(QUARANTINE_PREFIX)
}

/// The key to move an unreadable payload found under `source_key` to, at time `now_ms`
/// (milliseconds since the epoch). `taken` is every key already in storage: the result is never
/// one of them (a counter is appended on collision), so no earlier quarantine is overwritten.
pub fn quarantine_key(source_key: &str, now_ms: f64, taken: &[String]) -> String {
    let stamp = if now_ms.is_finite() && now_ms >= 0.0 {
        format!("{}", now_ms.trunc() as u64)
    } else {
        "0".to_string()
    };
    let base = format!("{QUARANTINE_PREFIX}{source_key}.{stamp}");
    if !taken.contains(&base) {
        return base;
    }
    (2u32..)
        .map(|n| format!("{base}.{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base)
}
