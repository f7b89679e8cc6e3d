//! The window's size and scrolling, for the flowchart: its choice between the layered drawing
//! and one column, bringing a node into view, and printing the step list.

/// The window's inner width in CSS pixels; 0 when there is no window.
pub fn width() -> f64 {
    super::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Scrolls the page down by `dy` CSS pixels (up when negative).
pub fn scroll_page_by(dy: f64) {
    if let Some(window) = super::window() {
        window.scroll_by_with_x_and_y(0.0, dy);
    }
}

/// Opens the browser's print dialog; a refusal only means nothing prints.
pub fn print() {
    if let Some(window) = super::window() {
        let _ = window.print();
    }
}
