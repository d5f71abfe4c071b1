//! Entry point: glue only. Everything testable lives in the library and in `emissions-core`.

fn main() {
    ml_emissions_calculator::platform::marks::mark(
        ml_emissions_calculator::platform::marks::START_MARK,
    );
    ml_emissions_calculator::platform::panic_banner::install();
    // The dataset is read in this task and the page is built in the next one: two shorter tasks.
    let _ = ml_emissions_calculator::ui::state::factors();
    ml_emissions_calculator::platform::timing::in_next_task(Box::new(
        ml_emissions_calculator::ui::app::mount,
    ));
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
