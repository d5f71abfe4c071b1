//! Light/dark theme: follows the system unless the person picks one; the choice is kept in
//! localStorage under its own key (guarded: storage can be unavailable).

use crate::ui::erased::{effect, handler, live};
use leptos::prelude::*;

/// The localStorage key of the theme choice.
pub const THEME_KEY: &str = "mlcalc-theme";

/// The theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_key(key: &str) -> Theme {
        match key {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The stored theme choice (System when none or storage is unavailable).
pub fn stored_theme() -> Theme {
    storage()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .map_or(Theme::System, |k| Theme::from_key(&k))
}

/// Sets `data-theme` on `<html>` (removed for System) and stores the choice (best effort).
pub fn apply_theme(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.key()),
        };
    }
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme.key());
    }
}

/// A button cycling System → Light → Dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (theme, set_theme) = signal(stored_theme());
    // Syncing with something outside the reactive system (the DOM attribute and storage).
    effect(Box::new(move || apply_theme(theme.get())));
    view! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-label=live(move || format!("Colour theme: {} (click to change)", theme.get().label()))
            on:click=handler(Box::new(move |_| set_theme.update(|t| *t = t.next())))
        >
            {move || format!("Theme: {}", theme.get().label()).into_any()}
        </button>
    }
}
