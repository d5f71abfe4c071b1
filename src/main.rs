//! Entry point: glue only. Everything testable lives in the library and in `emissions-core`.

fn main() {
    ml_emissions_calculator::platform::marks::mark(
        ml_emissions_calculator::platform::marks::START_MARK,
    );
    ml_emissions_calculator::platform::panic_banner::install();
    // The module is compiled and instantiated in this task, the dataset read in the next one and
    // the page built in the one after: three shorter tasks (Lighthouse's total blocking time
    // counts what each task takes past 50 ms, at a 4× slower CPU).
    ml_emissions_calculator::platform::timing::in_next_task(Box::new(|| {
        let _ = ml_emissions_calculator::ui::state::factors();
        ml_emissions_calculator::platform::timing::in_next_task(Box::new(
            ml_emissions_calculator::ui::app::mount,
        ));
    }));
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
