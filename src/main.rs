//! Entry point: glue only. Everything testable lives in the library and in `emissions-core`.

fn main() {
    ml_emissions_calculator::platform::marks::mark(
        ml_emissions_calculator::platform::marks::START_MARK,
    );
    ml_emissions_calculator::platform::panic_banner::install();
    ml_emissions_calculator::ui::app::mount();
    ml_emissions_calculator::platform::marks::after_mount();
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();
