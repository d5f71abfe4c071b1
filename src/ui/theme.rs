//! Light/dark theme: follows the system unless the person picks one; the choice is kept in the
//! tab's store (`platform::storage`: localStorage, or memory where it is unavailable).

use crate::platform::observers::set_page_theme;
use crate::platform::storage;
use crate::ui::erased::{effect, handler, live};
use leptos::prelude::*;

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

/// The stored theme choice (System when none).
pub fn stored_theme() -> Theme {
    storage::stored_theme_key().map_or(Theme::System, |k| Theme::from_key(&k))
}

/// Sets `data-theme` on `<html>` (removed for System) and stores the choice.
pub fn apply_theme(theme: Theme) {
    set_page_theme(match theme {
        Theme::System => None,
        other => Some(other.key()),
    });
    storage::store_theme_key(theme.key());
}

/// A button cycling System → Light → Dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (theme, set_theme) = signal(stored_theme());
    // Syncing with something outside the reactive system (the DOM attribute and storage).
    effect(move || apply_theme(theme.get()));
    view! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-label=live(move || format!("Colour theme: {} (click to change)", theme.get().label()))
            on:click=handler(move |_| set_theme.update(|t| *t = t.next()))
        >
            {move || format!("Theme: {}", theme.get().label()).into_any()}
        </button>
    }
}
