//! Entry point: glue only. Everything testable lives in the library and in `emissions-core`.

fn main() {
    ml_emissions_calculator::instrumentation::mark(
        ml_emissions_calculator::instrumentation::START_MARK,
    );
    ml_emissions_calculator::panic_banner::install();
    leptos::mount::mount_to_body(ml_emissions_calculator::App);
    ml_emissions_calculator::instrumentation::after_mount();
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
