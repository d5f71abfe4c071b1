//! The paper's suggestion, better: the same job in the provider's cleanest region and in the
//! cleanest region overall; clicking one moves the job there.

use crate::ui::erased::handler;
use crate::ui::state::CalcState;
use emissions_core::model::{LocationInput, RegionAlternative};
use emissions_core::number;
use leptos::prelude::*;

use emissions_core::format::format_mass_kg;

/// One suggestion button.
fn suggestion(
    state: CalcState,
    lead: &'static str,
    r: RegionAlternative,
    testid: &'static str,
) -> impl IntoView {
    let ds = state.factors.dataset();
    let name = ds
        .provider(&r.provider)
        .map_or(r.provider.to_string(), |p| p.name.clone());
    // "Amazon Web Services' region", "Google Cloud's region".
    let provider = if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    };
    let text = if r.is_current {
        format!(
            "{lead}: you are already in {provider} {} ({}).",
            r.code, r.name
        )
    } else {
        format!(
            "{lead}: in {provider} {} ({}) the same job would emit {} (−{} %).",
            r.code,
            r.name,
            format_mass_kg(r.emissions.0),
            number::fixed(r.saving_pct.0.max(0.0), 0)
        )
    };
    let (p, code) = (r.provider.to_string(), r.code.to_string());
    let current = r.is_current;
    view! {
        <li>
            <p>{text}</p>
            {(!current)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="btn"
                            data-testid=testid
                            data-provider=p.clone()
                            data-region=code.clone()
                            on:click=handler(move |_| {
                                let location = LocationInput::Cloud { provider: p.clone(), region: code.clone() };
                                state.edit(|i| i.location = location);
                            })
                        >
                            {format!("Move the job to {}", r.code)}
                        </button>
                    }
                })}
        </li>
    }
}

/// The suggestion section.
#[component]
pub fn Suggestion() -> impl IntoView {
    let state = expect_context::<CalcState>();
    view! {
        <section class="suggest card" aria-labelledby="suggest-heading">
            <h2 id="suggest-heading">"Where it would emit less"</h2>
            {move || {
                state
                    .alternatives
                    .get()
                    .map(|a| {
                        let same = a.cleanest_same_provider.clone();
                        let overall = a.cleanest_overall.clone();
                        let same_is_overall = match (&same, &overall) {
                            (Some(s), Some(o)) => s.provider == o.provider && s.code == o.code,
                            _ => false,
                        };
                        view! {
                            <ul class="suggestions">
                                {same.map(|r| suggestion(state, "Same provider", r, "suggest-same"))}
                                {overall
                                    .filter(|_| !same_is_overall)
                                    .map(|r| suggestion(state, "Cleanest overall", r, "suggest-overall"))}
                            </ul>
                        }
                    })
            }.into_any()}
        </section>
    }
}
