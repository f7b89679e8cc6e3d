//! The flowchart page: the guide's process drawn as an SVG chart (the default view) or as a
//! nested list of steps (`?view=list`), and the panel of one node at `/flowchart/<node id>`.
//!
//! Links here are plain anchors, which the router (`ui::router`) follows without a reload;
//! the current view is marked by its query, as every link here shares the path.
//!
//! The shapes, routes, states and keyboard moves all come from `model::chart`; this file only
//! draws them and turns clicks, keys and pointer gestures into navigation and actions.

use std::sync::Arc;

use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;

use crate::browser::dom::{self, Node};
use crate::browser::split::{split_fn, ChunkError};
use crate::browser::viewport;
use crate::model::chart::{
    self, tenths, Because, Branch, Drawing, Entry, Flow, Key, Mode, NodeState, Route, Tally,
    LABEL_FONT,
};
use crate::model::guide::{Guide, Item, NodeKind, Role};
use crate::model::i18n::checklist::status_text;
use crate::model::i18n::flowchart::{aside, tally_text, FcMsg};
use crate::model::i18n::{Locale, Message, Msg, PageMsg};
use crate::model::paint::{edge_look, kind_msg, node_look, NodeSituation};
use crate::model::progress::{item_status, Action, ItemStatus, Progress};
use crate::model::route::is_unknown_step;

use crate::ui::guide::{use_store, GuideContext, LoadState};
use crate::ui::locale::{tr, use_locale};
use crate::ui::router::{use_navigate, use_path_rest, use_query, NavigateOptions};
use crate::ui::state::ProgressContext;
use crate::ui::widgets::{
    local_text, ConfidenceBadge, FieldStyle, GuideGate, Illustration, QuestionField,
};

/// Below this window width the chart is one column that fits the screen.
const NARROW_BELOW: f64 = 600.0;
const ZOOM_MIN: f64 = 0.15;
const ZOOM_MAX: f64 = 2.0;

/// The address of the page with `node` open, in the chart or the list view.
fn page_href(node: Option<&str>, list: bool) -> String {
    let mut href = String::from("/flowchart");
    if let Some(id) = node {
        href.push('/');
        href.push_str(id);
    }
    if list {
        href.push_str("?view=list");
    }
    href
}

split_fn!(
    /// The flowchart page, from its own wasm file in a split build.
    flowchart,
    pub fn flowchart_page() -> Result<AnyView, ChunkError> {
        // Untracked, as a route's view is: the page's set-up reads must not redraw it.
        Ok(untrack(|| view! { <FlowchartPage/> }.into_any()))
    }
);

/// The process, in the chart or the list view, with the selected node's panel.
#[component]
pub fn FlowchartPage() -> impl IntoView {
    let selected = use_path_rest("/flowchart");
    let view = use_query("view");
    let list = Memo::new(move |_| view.with(|v| v.as_deref() == Some("list")));
    // An address naming no step of the guide is not found, as any unknown address is; until
    // the guide has loaded, the page cannot tell, and shows its own heading.
    let guide_ctx = use_context::<GuideContext>();
    let unknown = Memo::new(move |_| {
        guide_ctx.is_some_and(|ctx| {
            ctx.state.with(|state| match state {
                LoadState::Ready(guide) => selected.with(|node| {
                    is_unknown_step(node.as_deref(), guide.nodes.iter().map(|n| n.id.as_str()))
                }),
                _ => false,
            })
        })
    });
    move || {
        if unknown.get() {
            Either::Left(step_not_found())
        } else {
            Either::Right(view! {
                <section class="page flowchart">
                    <h1>{tr(PageMsg::FlowchartTitle)}</h1>
                    <p>{tr(PageMsg::FlowchartIntro)}</p>
                    <GuideGate render={move |guide: Arc<Guide>| view! { <Flowchart guide selected list/> }}/>
                </section>
            })
        }
    }
}

/// The not-found page (the app's, with its words) for a step the guide does not have, with
/// a way to the whole chart.
fn step_not_found() -> impl IntoView {
    view! {
        <section class="page" data-testid="step-not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundBody)}</p>
            <p>
                <a href="/flowchart">{tr(FcMsg::OpenWholeChart)}</a>
                " · "
                <a href="/">{tr(Msg::BackHome)}</a>
            </p>
        </section>
    }
}

/// Everything the views of one guide share: the graph, the derived state and the actions.
#[derive(Clone)]
struct Chart {
    guide: Arc<Guide>,
    flow: Arc<Flow>,
    progress: Signal<Progress>,
    store: Option<ProgressContext>,
    route: Memo<Route>,
    tallies: Memo<Vec<Tally>>,
    selected: Memo<Option<usize>>,
    list: Memo<bool>,
    /// The node that holds the chart's one tab stop.
    focus: RwSignal<usize>,
    /// The decision the focus last came down from, for Left and Right.
    came_from: StoredValue<Option<usize>>,
    /// Move the focus into the panel once it opens (after a click or Enter, not a deep link).
    focus_panel: StoredValue<bool>,
    stage: NodeRef<leptos::html::Div>,
}

impl Chart {
    fn dispatch(&self, action: Action) {
        if let Some(store) = self.store {
            store.dispatch(action);
        }
    }

    fn id(&self, node: usize) -> &str {
        self.guide.nodes.get(node).map_or("", |n| n.id.as_str())
    }

    /// Moves the keyboard focus to a node: its shape in the drawing, or in the list view its
    /// link in the list.
    fn focus_node(&self, node: usize) {
        self.focus.set(node);
        let selector = format!("[data-node=\"{}\"]", self.id(node));
        let in_chart = self
            .stage
            .get_untracked()
            .map(|stage| Node::of(&stage))
            .filter(Node::is_connected)
            .is_some_and(|stage| stage.focus_inside(&selector));
        if !in_chart {
            dom::focus_selector(&format!(".step-list li{selector} > a"));
        }
    }
}

#[component]
fn Flowchart(guide: Arc<Guide>, selected: Memo<Option<String>>, list: Memo<bool>) -> impl IntoView {
    let store = use_store();
    let progress: Signal<Progress> = match store {
        Some(store) => store.progress.into(),
        None => Signal::stored(Progress::default()),
    };
    let flow = Arc::new(Flow::new(&guide));
    let route = {
        let (guide, flow) = (guide.clone(), flow.clone());
        Memo::new(move |_| progress.with(|p| flow.route(&guide, &p.answers(), p.role())))
    };
    let tallies = {
        let guide = guide.clone();
        Memo::new(move |_| progress.with(|p| chart::tallies(&guide, p)))
    };
    let selected_index = {
        let flow = flow.clone();
        Memo::new(move |_| selected.get().and_then(|id| flow.find(&id)))
    };
    let first = selected_index.get_untracked().or(flow.start).unwrap_or(0);
    let chart = Chart {
        guide,
        flow,
        progress,
        store,
        route,
        tallies,
        selected: selected_index,
        list,
        focus: RwSignal::new(first),
        came_from: StoredValue::new(None),
        focus_panel: StoredValue::new(false),
        stage: NodeRef::new(),
    };
    // The tab stop follows the open node, so Tab from the panel's address lands on it.
    Effect::new(move |_| {
        if let Some(node) = selected_index.get() {
            chart.focus.set(node);
        }
    });

    let navigate = use_navigate();
    let close = {
        let chart = chart.clone();
        move || {
            let Some(node) = chart.selected.get_untracked() else {
                return;
            };
            navigate(
                &page_href(None, chart.list.get_untracked()),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
            chart.focus_node(node);
        }
    };
    let on_keydown = {
        let close = close.clone();
        move |ev: ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                close();
            }
        }
    };
    let panel = {
        let chart = chart.clone();
        move || {
            let close = close.clone();
            chart
                .selected
                .get()
                .map(|node| node_panel(&chart, node, close))
        }
    };
    let has_panel = move || selected_index.get().is_some();
    let switch = view_switch(&chart);
    let main = move || {
        if list.get() {
            Either::Left(step_list(&chart))
        } else {
            Either::Right(chart_view(&chart))
        }
    };
    view! {
        {switch}
        <div class="fc-body" class:has-panel=has_panel class:list=move || list.get() on:keydown=on_keydown>
            <div class="fc-main">{main}</div>
            {panel}
        </div>
    }
}

/// The chart / list switch, one click away from either view.
fn view_switch(chart: &Chart) -> impl IntoView {
    let (list, selected) = (chart.list, chart.selected);
    let guide = chart.guide.clone();
    let id = move || {
        selected
            .get()
            .and_then(|i| guide.nodes.get(i))
            .map(|n| n.id.clone())
    };
    let id2 = id.clone();
    view! {
        <nav class="fc-views" aria-label=tr(FcMsg::ViewLabel)>
            <a href=move || page_href(id().as_deref(), false) aria-current=move || (!list.get()).then_some("page") data-testid="view-chart">
                {tr(FcMsg::ViewChart)}
            </a>
            <a href=move || page_href(id2().as_deref(), true) aria-current=move || list.get().then_some("page") data-testid="view-list">
                {tr(FcMsg::ViewList)}
            </a>
        </nav>
    }
}

// ---------------------------------------------------------------------------------------------
// The chart view.

/// Pan and zoom state of the wide chart.
#[derive(Debug, Clone, Default)]
struct Gesture {
    /// Active pointers: id, x, y.
    pointers: Vec<(i32, f64, f64)>,
    /// Where the first pointer went down, and whether it has moved far enough to be a drag.
    origin: (f64, f64),
    dragging: bool,
    /// A drag just ended, so the click that follows must not open a node.
    swallow_click: bool,
    /// Distance between two pointers when a pinch started, and the zoom then.
    pinch: Option<(f64, f64)>,
}

fn chart_view(chart: &Chart) -> impl IntoView {
    let chart = chart.clone();
    let locale = use_locale();
    let window_width = RwSignal::new(viewport::width());
    let room = RwSignal::new((window_width.get_untracked() - 16.0).max(280.0));
    let stage = chart.stage;
    // Zoom 0 means "not chosen yet"; the first measurement chooses it.
    let zoom = RwSignal::new(0.0f64);
    let measure = move || {
        window_width.set(viewport::width());
        if let Some(el) = stage.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                room.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if stage.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let narrow = Memo::new(move |_| window_width.get() < NARROW_BELOW);
    let mode = Memo::new(move |_| {
        if narrow.get() {
            Mode::Narrow(room.get().floor())
        } else {
            Mode::Wide
        }
    });
    let drawing = {
        let guide = chart.guide.clone();
        Memo::new(move |_| Arc::new(chart::draw(&guide, locale.get().tag(), mode.get())))
    };

    // Until the user zooms, the drawing fits the width of the page as first measured (so
    // opening the panel does not shrink it), but never below 70 %.
    let scale = Memo::new(move |_| {
        let z = zoom.get();
        if z > 0.0 {
            return z;
        }
        let w = drawing.with(|d| d.width);
        // The page's width rather than the frame's, so a deep link that opens with the panel
        // beside the chart does not start it smaller.
        let page = (window_width.get().min(1600.0) - 32.0).max(room.get());
        if w <= 0.0 {
            1.0
        } else {
            (page / w).clamp(0.7, 1.0)
        }
    });
    Effect::new(move |_| {
        if stage.get().is_some() && zoom.get_untracked() == 0.0 && !narrow.get_untracked() {
            zoom.set(scale.get_untracked());
        }
    });

    // Brings the open node into view: inside the frame on wide screens, and on phones near
    // the top of the page, above the panel's sheet.
    let reveal = move |node: usize| {
        let Some(el) = stage.get_untracked() else {
            return;
        };
        let Some(s) = drawing.with_untracked(|d| d.shapes.get(node).cloned()) else {
            return;
        };
        if narrow.get_untracked() {
            let rect = el.get_bounding_client_rect();
            let z = rect.width() / drawing.with_untracked(|d| d.width).max(1.0);
            let top = rect.top() + s.y * z;
            viewport::scroll_page_by(top - 72.0);
            return;
        }
        let z = scale.get_untracked();
        let (cw, ch) = (el.client_width() as f64, el.client_height() as f64);
        let (left, top) = (el.scroll_left() as f64, el.scroll_top() as f64);
        if s.x * z < left || (s.x + s.w) * z > left + cw {
            el.set_scroll_left(((s.x + s.w / 2.0) * z - cw / 2.0) as i32);
        }
        if s.y * z < top || (s.y + s.h) * z > top + ch {
            el.set_scroll_top(((s.y + s.h / 2.0) * z - ch / 3.0) as i32);
        }
    };
    let selected = chart.selected;
    Effect::new(move |_| {
        if let (Some(_), Some(node)) = (stage.get(), selected.get()) {
            request_animation_frame(move || reveal(node));
        }
    });
    let gesture = StoredValue::new(Gesture::default());

    // Zooms to `z`, keeping the content point under (`ox`, `oy`) of the stage where it is.
    let zoom_to = move |z: f64, ox: Option<(f64, f64)>| {
        let Some(el) = stage.get_untracked() else {
            return;
        };
        let old = scale.get_untracked();
        let z = z.clamp(ZOOM_MIN, ZOOM_MAX);
        let (ox, oy) = ox.unwrap_or((
            el.client_width() as f64 / 2.0,
            el.client_height() as f64 / 2.0,
        ));
        let px = (el.scroll_left() as f64 + ox) / old;
        let py = (el.scroll_top() as f64 + oy) / old;
        zoom.set(z);
        request_animation_frame(move || {
            el.set_scroll_left((px * z - ox) as i32);
            el.set_scroll_top((py * z - oy) as i32);
        });
    };
    let fit = move || {
        let Some(el) = stage.get_untracked() else {
            return;
        };
        let (w, h) = drawing.with_untracked(|d| (d.width, d.height));
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let z = (el.client_width() as f64 / w).min(el.client_height() as f64 / h);
        zoom.set(z.clamp(ZOOM_MIN, ZOOM_MAX));
        el.set_scroll_left(0);
        el.set_scroll_top(0);
    };

    let on_pointerdown = move |ev: ev::PointerEvent| {
        if narrow.get_untracked() || (ev.pointer_type() == "mouse" && ev.button() != 0) {
            return;
        }
        gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers
                .push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64));
            if g.pointers.len() == 1 {
                g.origin = (ev.client_x() as f64, ev.client_y() as f64);
                g.dragging = false;
            } else if g.pointers.len() == 2 {
                let d = distance(g.pointers[0], g.pointers[1]);
                g.pinch = Some((d, scale.get_untracked()));
            }
        });
    };
    let on_pointermove = move |ev: ev::PointerEvent| {
        let Some(el) = stage.get_untracked() else {
            return;
        };
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let mut pan = None;
        let mut pinch = None;
        gesture.update_value(|g| {
            let Some(i) = g.pointers.iter().position(|p| p.0 == id) else {
                return;
            };
            let (_, px, py) = g.pointers[i];
            g.pointers[i] = (id, x, y);
            if let (Some((d0, z0)), true) = (g.pinch, g.pointers.len() == 2) {
                let d = distance(g.pointers[0], g.pointers[1]);
                let mid = (
                    (g.pointers[0].1 + g.pointers[1].1) / 2.0,
                    (g.pointers[0].2 + g.pointers[1].2) / 2.0,
                );
                if d0 > 0.0 {
                    pinch = Some((z0 * d / d0, mid));
                }
                g.dragging = true;
            } else if g.pointers.len() == 1 {
                if !g.dragging && (x - g.origin.0).abs().max((y - g.origin.1).abs()) > 6.0 {
                    g.dragging = true;
                    // Capture only once it is a drag, so a plain click still reaches its node.
                    let _ = el.set_pointer_capture(id);
                }
                if g.dragging {
                    pan = Some((x - px, y - py));
                }
            }
        });
        if let Some((dx, dy)) = pan {
            el.set_scroll_left(el.scroll_left() - dx as i32);
            el.set_scroll_top(el.scroll_top() - dy as i32);
        }
        if let Some((z, (mx, my))) = pinch {
            let rect = el.get_bounding_client_rect();
            zoom_to(z, Some((mx - rect.left(), my - rect.top())));
        }
    };
    let on_pointerup = move |ev: ev::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            if g.pointers.len() < 2 {
                g.pinch = None;
            }
            if g.pointers.is_empty() {
                g.swallow_click = g.dragging;
                g.dragging = false;
            }
        });
    };
    let on_wheel = move |ev: ev::WheelEvent| {
        // Ctrl + wheel is also what a touchpad pinch sends; a plain wheel scrolls as usual.
        if narrow.get_untracked() || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let Some(el) = stage.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let rect = el.get_bounding_client_rect();
        let factor = (-ev.delta_y() * 0.002).exp();
        zoom_to(
            scale.get_untracked() * factor,
            Some((
                ev.client_x() as f64 - rect.left(),
                ev.client_y() as f64 - rect.top(),
            )),
        );
    };
    let swallow_click = move || {
        let mut swallow = false;
        gesture.update_value(|g| swallow = std::mem::take(&mut g.swallow_click));
        swallow
    };

    let zoom_buttons = move || {
        (!narrow.get()).then(|| {
            view! {
                <div class="fc-zoom" role="group" aria-label=tr(FcMsg::ZoomLabel)>
                    <button type="button" class="button small" aria-label=tr(FcMsg::ZoomIn) title=tr(FcMsg::ZoomIn)
                        on:click=move |_| zoom_to(scale.get_untracked() * 1.25, None)>
                        <span aria-hidden="true">"+"</span>
                    </button>
                    <button type="button" class="button small" aria-label=tr(FcMsg::ZoomOut) title=tr(FcMsg::ZoomOut)
                        on:click=move |_| zoom_to(scale.get_untracked() / 1.25, None)>
                        <span aria-hidden="true">"−"</span>
                    </button>
                    <button type="button" class="button small" on:click=move |_| fit()>
                        {tr(FcMsg::ZoomFit)}
                    </button>
                </div>
            }
        })
    };
    // The drawing goes in as markup: one string for dozens of shapes keeps the wasm small.
    // A second effect then sets the states (classes, tags, tab stop, names) on its elements.
    let drawn = StoredValue::new(None::<Arc<Drawing>>);
    let version = RwSignal::new(0u32);
    {
        let chart = chart.clone();
        Effect::new(move |_| {
            let d = drawing.get();
            let l = locale.get();
            let Some(el) = stage.get() else { return };
            let el = Node::of(&el);
            // Keep the keyboard focus on its node across a redraw, such as a new language.
            let focused = el
                .focused_attribute("data-node")
                .and_then(|id| chart.flow.find(&id));
            el.set_markup(&chart::svg_markup(
                &d,
                &chart.guide,
                &chart.flow.reading,
                FcMsg::ChartTitle.text(l),
                FcMsg::ChartDesc.text(l),
            ));
            drawn.set_value(Some(d));
            version.update(|v| *v += 1);
            if let Some(node) = focused {
                chart.focus_node(node);
            }
        });
    }
    {
        let chart = chart.clone();
        Effect::new(move |_| {
            version.track();
            let (l, z, narrow) = (locale.get(), scale.get(), narrow.get());
            if let (Some(el), Some(d)) = (stage.get_untracked(), drawn.get_value()) {
                paint(
                    &chart,
                    &Node::of(&el),
                    &d,
                    l,
                    if narrow { None } else { Some(z) },
                );
            }
        });
    }

    let navigate = use_navigate();
    let open = {
        let chart = chart.clone();
        move |node: usize| {
            chart.came_from.set_value(None);
            chart.focus.set(node);
            if chart.selected.get_untracked() == Some(node) {
                // Already open: the panel stays, so move the focus into it now.
                dom::focus_id("node-title");
                return;
            }
            chart.focus_panel.set_value(true);
            navigate(
                &page_href(Some(chart.id(node)), chart.list.get_untracked()),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    // Clicks, keys and focus are handled once for the whole drawing, by the node they reach.
    let node_of = {
        let flow = chart.flow.clone();
        move |ev: &ev::Event| flow.find(&dom::event_attribute(ev, "data-node")?)
    };
    let on_click = {
        let (open, node_of) = (open.clone(), node_of.clone());
        move |ev: ev::MouseEvent| {
            let Some(node) = node_of(&ev) else { return };
            // Modified clicks open the node's address in a new tab, as links do.
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            if !swallow_click() {
                open(node);
            }
        }
    };
    let on_keydown = {
        let (chart, node_of) = (chart.clone(), node_of.clone());
        move |ev: ev::KeyboardEvent| {
            let Some(node) = node_of(&ev) else { return };
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                open(node);
                return;
            }
            let Some(key) = Key::from_name(&ev.key()) else {
                return;
            };
            ev.prevent_default();
            let came_from = chart.came_from.get_value();
            let step = chart
                .route
                .with_untracked(|r| chart.flow.key_move(r, node, came_from, key));
            if let Some(step) = step {
                chart.came_from.set_value(step.came_from);
                chart.focus_node(step.to);
            }
        }
    };
    let focus = chart.focus;
    let on_focusin = move |ev: ev::FocusEvent| {
        if let Some(node) = node_of(&ev) {
            focus.set(node);
        }
    };
    view! {
        <div class="fc-chart" data-testid="flowchart">
            {zoom_buttons}
            <div
                class="fc-stage"
                class:narrow=move || narrow.get()
                node_ref=stage
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointerup
                on:wheel=on_wheel
                on:click=on_click
                on:keydown=on_keydown
                on:focusin=on_focusin
            ></div>
            <p id="fc-help" class="fc-help">{tr(FcMsg::KeyboardHelp)}</p>
            {legend()}
        </div>
    }
}

/// Sets the progress and route states on the drawn chart: each node's class, status tag,
/// tab stop and accessible name, and each arrow's and label's class. Sizes the drawing to
/// `scale`, or leaves it to the page's width when `None` (one column).
fn paint(chart: &Chart, host: &Node, d: &Drawing, l: Locale, scale: Option<f64>) {
    let Some(svg) = host.find("svg") else {
        return;
    };
    let set = |el: &Node, name: &str, value: &str| el.set(name, value);
    match scale {
        Some(z) => {
            set(&svg, "width", &tenths(d.width * z));
            set(&svg, "height", &tenths(d.height * z));
        }
        None => {
            svg.unset("width");
            svg.unset("height");
        }
    }
    let (selected, focus) = (chart.selected.get(), chart.focus.get());
    chart.route.with(|route| {
        chart.tallies.with(|tallies| {
            for (i, node) in chart.guide.nodes.iter().enumerate() {
                let Some(a) = svg.find(&format!("[data-node=\"{}\"]", node.id)) else {
                    continue;
                };
                let situation = NodeSituation {
                    tally: tallies.get(i).copied().unwrap_or_default(),
                    on_route: route.on.get(i).copied().unwrap_or(true),
                    passed: route.passed.get(i).copied().unwrap_or(false),
                    selected: selected == Some(i),
                    focused: focus == i,
                };
                let look = node_look(&chart.guide, node, situation, l);
                set(&a, "class", &look.class);
                set(&a, "tabindex", if look.tab_stop { "0" } else { "-1" });
                if look.current {
                    set(&a, "aria-current", "true");
                } else {
                    a.unset("aria-current");
                }
                set(&a, "aria-label", &look.name);
                // The tag sits beside the link, not in it, so the link's visible text is its
                // title alone and the accessible name (which says the same and more) contains it.
                let tag_selector = format!("[data-tag=\"{}\"]", node.id);
                let (Some(g), Some(s)) = (svg.find(&tag_selector), d.shapes.get(i)) else {
                    continue;
                };
                set(&g, "class", &look.tag_class);
                if look.tag.is_empty() {
                    set(&g, "display", "none");
                    continue;
                }
                g.unset("display");
                if let Some(rect) = g.find("rect") {
                    set(&rect, "x", &tenths(s.tag_x - look.tag_width / 2.0));
                    set(&rect, "width", &tenths(look.tag_width));
                }
                if let Some(text) = g.find("text") {
                    text.set_text(&look.tag);
                }
            }
        });
        for (e, edge) in chart.guide.edges.iter().enumerate() {
            let branch = route.edges.get(e).copied().unwrap_or(Branch::Plain);
            let back = chart.flow.back.get(e).copied().unwrap_or(false);
            let look = edge_look(branch, route.edge_on(&chart.flow, e), back);
            if let Some(path) = svg.find(&format!("[data-edge=\"{}\"]", edge.id)) {
                set(&path, "class", &look.class);
            }
            let label = d.arrows.get(e).and_then(|a| a.label.as_ref());
            let Some(g) = svg.find(&format!("[data-label=\"{}\"]", edge.id)) else {
                continue;
            };
            set(&g, "class", &look.label_class);
            // The chosen branch says so with a tick, so its label grows to fit it.
            if let (Some(label), Some(rect)) = (label, g.find("rect")) {
                let extra = if look.label_grows { LABEL_FONT } else { 0.0 };
                set(&rect, "x", &tenths(label.x - (label.w + extra) / 2.0));
                set(&rect, "width", &tenths(label.w + extra));
            }
        }
    });
}

fn distance(a: (i32, f64, f64), b: (i32, f64, f64)) -> f64 {
    ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
}

/// What the colours and tags of the chart mean, in words.
fn legend() -> impl IntoView {
    view! {
        <details class="fc-legend">
            <summary>{tr(FcMsg::Legend)}</summary>
            <ul>
                <li><span class="swatch state-done">"✓"</span>{tr(PageMsg::StatusDone)}</li>
                <li><span class="swatch state-partial">"2/5"</span>{tr(FcMsg::StatePartial)}</li>
                <li><span class="swatch state-todo">"0/3"</span>{tr(PageMsg::StatusNotStarted)}</li>
                <li><span class="swatch state-na">"–"</span>{tr(PageMsg::StatusNotApplicable)}</li>
                <li><span class="swatch line taken"></span>{tr(FcMsg::ChosenBranch)}</li>
                <li><span class="swatch line off"></span>{tr(FcMsg::OffRoute)}</li>
            </ul>
        </details>
    }
}

// ---------------------------------------------------------------------------------------------
// The list view.

/// Every step in reading order, each decision's branches nested under it, with the state of
/// each step's items: the chart for screen readers and for printing.
fn step_list(chart: &Chart) -> impl IntoView {
    let outline = chart.flow.outline();
    view! {
        <div class="fc-list">
            <p class="fc-list-tools">
                <button type="button" class="button small" on:click=move |_| viewport::print()>{tr(PageMsg::Print)}</button>
            </p>
            <ol class="step-list" data-testid="step-list">{entries(chart, outline)}</ol>
        </div>
    }
}

fn entries(chart: &Chart, list: Vec<Entry>) -> AnyView {
    list.into_iter()
        .map(|entry| entry_view(chart, entry))
        .collect_view()
        .into_any()
}

fn entry_view(chart: &Chart, entry: Entry) -> AnyView {
    let Some(node) = chart.guide.nodes.get(entry.node).cloned() else {
        return ().into_any();
    };
    let i = entry.node;
    let (route, tallies, selected, list) = (chart.route, chart.tallies, chart.selected, chart.list);
    let locale = use_locale();
    let on_route = move || route.with(|r| r.on.get(i).copied().unwrap_or(true));
    let passed = move || route.with(|r| r.passed.get(i).copied().unwrap_or(false));
    let state = move || {
        let t = tallies.with(|t| t.get(i).copied().unwrap_or_default());
        tally_text(&t, locale.get())
    };
    let title = local_text(&chart.guide, &node.title);
    let branches = (!entry.branches.is_empty()).then(|| {
        entry
            .branches
            .into_iter()
            .map(|arm| {
                let e = arm.edge;
                let edge = chart.guide.edges.get(e).cloned();
                let label = edge
                    .as_ref()
                    .and_then(|e| e.label.as_ref())
                    .map(|l| local_text(&chart.guide, l));
                let class = move || {
                    route.with(|r| match r.edges.get(e) {
                        Some(Branch::Taken) => "arm taken",
                        Some(Branch::NotTaken) => "arm not-taken",
                        _ => "arm",
                    })
                };
                let note = branch_note(route, e, locale);
                let back = chart.flow.back.get(e).copied().unwrap_or(false);
                let goes_to = arm.goes_to.and_then(|t| chart.guide.nodes.get(t)).map(|t| {
                    let word = tr(if back {
                        FcMsg::BackTo
                    } else {
                        FcMsg::ContinueWith
                    });
                    let id = t.id.clone();
                    let href = move || page_href(Some(&id), list.get());
                    let t_title = local_text(&chart.guide, &t.title);
                    view! { " → " {word} " " <a href=href>{t_title}</a> }
                });
                let steps = (!arm.steps.is_empty()).then(
                    || view! { <ol class="step-list nested">{entries(chart, arm.steps)}</ol> },
                );
                view! {
                    <li class=class>
                        {label.map(|l| view! { <strong class="arm-label">{l}</strong> })}
                        <span class="arm-note">{note}</span>
                        {goes_to}
                        {steps}
                    </li>
                }
            })
            .collect_view()
    });
    let href = {
        let id = node.id.clone();
        move || page_href(Some(&id), list.get())
    };
    let class = format!(
        "step kind-{}",
        match node.kind {
            NodeKind::Start => "start",
            NodeKind::Step => "step",
            NodeKind::Decision => "decision",
            NodeKind::End => "end",
        }
    );
    view! {
        <li class=class class:off=move || !on_route() data-node=node.id.clone()>
            <span class="kind">{tr(kind_msg(node.kind))}</span>
            <a href=href aria-current=move || (selected.get() == Some(i)).then_some("step")>{title}</a>
            <span class="step-state">{state}</span>
            {move || (!on_route()).then(|| view! { <span class="step-off">{tr(FcMsg::OffRoute)}</span> })}
            {move || (on_route() && passed()).then(|| view! { <span class="step-off" data-testid="step-passed">{tr(FcMsg::PassedThrough)}</span> })}
            {branches.map(|b| view! { <ul class="branches">{b}</ul> })}
        </li>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------------
// The panel.

/// What to do at one node and why, its question or its ways on, why the route comes here,
/// and its checklist items with live checkboxes.
fn node_panel(
    chart: &Chart,
    node: usize,
    close: impl Fn() + Clone + Send + Sync + 'static,
) -> Option<impl IntoView> {
    let data = chart.guide.nodes.get(node).cloned()?;
    let guide = chart.guide.clone();
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H2>::new();
    let focus_panel = chart.focus_panel;
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if focus_panel.get_value() {
                focus_panel.set_value(false);
                let _ = h.focus();
            }
        }
    });
    let (route, tallies) = (chart.route, chart.tallies);
    let on_route = move || route.with(|r| r.on.get(node).copied().unwrap_or(true));
    let status = move || {
        let l = locale.get();
        let t = tallies.with(|t| t.get(node).copied().unwrap_or_default());
        let mut parts = Vec::new();
        let state = tally_text(&t, l);
        if !state.is_empty() {
            parts.push(state);
        }
        if !on_route() {
            parts.push(FcMsg::OffRoute.text(l).to_string());
        } else if route.with(|r| r.passed.get(node).copied().unwrap_or(false)) {
            parts.push(FcMsg::PassedThrough.text(l).to_string());
        }
        parts.join(" · ")
    };
    let state_class = move || {
        let t = tallies.with(|t| t.get(node).copied().unwrap_or_default());
        match t.state() {
            NodeState::Done => "fc-status state-done",
            NodeState::Partial => "fc-status state-partial",
            NodeState::NotApplicable => "fc-status state-na",
            NodeState::NoItems | NodeState::NotStarted => "fc-status",
        }
    };
    let close_button = close.clone();
    let items: Vec<Item> = guide
        .items_of_node(&data.id)
        .map(|(_, item)| item.clone())
        .collect();
    let roles: Vec<Role> = guide.items_of_node(&data.id).map(|(s, _)| s.role).collect();
    let mixed = roles
        .first()
        .is_some_and(|first| roles.iter().any(|r| r != first));
    let item_list = if items.is_empty() {
        Either::Left(view! { <p>{tr(FcMsg::NoItems)}</p> })
    } else {
        Either::Right(
            items
                .into_iter()
                .zip(roles)
                .map(|(item, role)| panel_item(chart, item, mixed.then_some(role)))
                .collect_view(),
        )
    };
    // The node's wording for the role on this device: an employee reads "which one are
    // you?" where the enterprise reads "which classes are your staff?".
    let role = chart.progress.with_untracked(Progress::role);
    Some(view! {
        <article class="fc-panel node-detail" data-testid="node-detail" aria-labelledby="node-title">
            <header class="fc-panel-head">
                <p class="kind">{tr(kind_msg(data.kind))}</p>
                <h2 id="node-title" tabindex="-1" node_ref=heading>{local_text(&guide, data.title_for(role))}</h2>
                <button type="button" class="fc-close" aria-label=tr(FcMsg::Close) title=tr(FcMsg::Close) on:click=move |_| close_button()>
                    <span aria-hidden="true">"×"</span>
                </button>
            </header>
            <p class=state_class>{status}</p>
            {data.illustration.clone().map(|file| view! { <Illustration file/> })}
            <ConfidenceBadge confidence=data.confidence/>
            <h3>{tr(PageMsg::WhatToDo)}</h3>
            <p>{local_text(&guide, data.body_for(role))}</p>
            {data.why_for(role).map(|why| view! {
                <h3>{tr(PageMsg::Why)}</h3>
                <p>{local_text(&guide, why)}</p>
            })}
            {question_box(chart, node)}
            {ways_on(chart, node)}
            {why_route(chart, node)}
            <h3>{tr(PageMsg::ItemsHere)}</h3>
            <ul class="fc-items">{item_list}</ul>
        </article>
    })
}

/// One checklist item with a checkbox that checks it in the checklist too.
fn panel_item(chart: &Chart, item: Item, role: Option<Role>) -> impl IntoView {
    let guide = chart.guide.clone();
    let locale = use_locale();
    let progress = chart.progress;
    let status = {
        let item = item.clone();
        Memo::new(move |_| progress.with(|p| item_status(&item, p.mark(&item.id), &p.answers())))
    };
    let done = move || status.with(|s| *s == ItemStatus::Done);
    let na = move || status.with(|s| matches!(s, ItemStatus::NotApplicable(_)));
    let reason = {
        let guide = guide.clone();
        move || {
            status.with(|s| {
                matches!(s, ItemStatus::NotApplicable(_))
                    .then(|| status_text(&guide, s, locale.get()))
            })
        }
    };
    let id = item.id.clone();
    let on_change = {
        let chart = chart.clone();
        let id = id.clone();
        move |ev: ev::Event| {
            let item = id.clone();
            chart.dispatch(if event_target_checked(&ev) {
                Action::Check { item }
            } else {
                Action::Uncheck { item }
            });
        }
    };
    let role_tag = role.map(|r| {
        let msg = if r == Role::Employee {
            PageMsg::RoleEmployee
        } else {
            PageMsg::RoleEnterprise
        };
        view! { <span class="tag">{tr(msg)}</span> }
    });
    view! {
        <li class="fc-item" class:na=na data-item=id.clone()>
            <label>
                <input type="checkbox" prop:checked=done prop:disabled=na on:change=on_change/>
                <span class="fc-item-title">{local_text(&guide, &item.title)}</span>
            </label>
            <span class="fc-item-tags">
                {item.required.then(|| view! { <span class="tag required">{tr(PageMsg::Required)}</span> })}
                {role_tag}
            </span>
            <span class="fc-item-reason">{reason}</span>
        </li>
    }
}

/// A decision's question, answered in place; an event decision instead says why it has none.
fn question_box(chart: &Chart, node: usize) -> Option<impl IntoView> {
    let guide = chart.guide.clone();
    let data = guide.nodes.get(node).cloned()?;
    if data.kind != NodeKind::Decision {
        return None;
    }
    let Some(question) = data
        .question
        .as_ref()
        .and_then(|q| guide.questions.iter().find(|x| &x.id == q))
        .cloned()
    else {
        return Some(Either::Left(
            view! { <p class="fc-event">{tr(FcMsg::EventNote)}</p> },
        ));
    };
    let (store, progress) = (chart.store, chart.progress);
    Some(Either::Right(view! {
        <QuestionField guide store progress question style=FieldStyle::Panel/>
    }))
}

/// Words saying whether the answers take branch `edge`, shared by the panel and the list.
fn branch_note(
    route: Memo<Route>,
    edge: usize,
    locale: RwSignal<Locale>,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    move || {
        route
            .with(|r| match r.edges.get(edge) {
                Some(Branch::Taken) => Some(FcMsg::ChosenBranch),
                Some(Branch::NotTaken) => Some(FcMsg::OffRoute),
                _ => None,
            })
            .map(|m| {
                let l = locale.get();
                aside(m.text(l), l)
            })
    }
}

/// The arrows out of a node, with their labels, and which one the answers take.
fn ways_on(chart: &Chart, node: usize) -> Option<impl IntoView> {
    let guide = chart.guide.clone();
    let outs = chart
        .flow
        .out
        .get(node)
        .cloned()
        .filter(|o| !o.is_empty())?;
    let (route, list) = (chart.route, chart.list);
    let locale = use_locale();
    let ways = outs
        .into_iter()
        .filter_map(|(e, to)| Some((e, guide.edges.get(e)?.clone(), guide.nodes.get(to)?.clone())))
        .map(|(e, edge, target)| {
            let label = edge.label.as_ref().map(|l| local_text(&guide, l));
            let note = branch_note(route, e, locale);
            let class = move || {
                route.with(|r| match r.edges.get(e) {
                    Some(Branch::Taken) => "taken",
                    Some(Branch::NotTaken) => "not-taken",
                    _ => "",
                })
            };
            let href = {
                let id = target.id.clone();
                move || page_href(Some(&id), list.get())
            };
            let target_title = local_text(&guide, &target.title);
            view! {
                <li class=class>
                    {label.map(|l| view! { <strong>{l}</strong> " → " })}
                    <a href=href>{target_title}</a>
                    <span class="arm-note">{note}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <h3>{tr(FcMsg::WaysOn)}</h3>
        <ul class="fc-ways">{ways}</ul>
    })
}

/// The answers on the way to a node: the "why this route" trace.
fn why_route(chart: &Chart, node: usize) -> impl IntoView {
    let guide = chart.guide.clone();
    let flow = chart.flow.clone();
    let (progress, list) = (chart.progress, chart.list);
    let locale = use_locale();
    let trace = {
        let (guide, flow) = (guide.clone(), flow.clone());
        Memo::new(move |_| progress.with(|p| flow.trace(&guide, &p.answers(), p.role(), node)))
    };
    let body = move || {
        let steps = trace.get();
        let l = locale.get();
        if steps.is_empty() {
            return Either::Left(view! { <p>{FcMsg::NoQuestionsBefore.text(l)}</p> });
        }
        let lines = steps
            .into_iter()
            .filter_map(|step| {
                let d = guide.nodes.get(step.decision)?;
                let q = guide.questions.iter().find(|q| q.id == step.question)?;
                let answer = match &step.answer {
                    Some(a) => q
                        .answers
                        .iter()
                        .find(|x| &x.id == a)
                        .map(|x| guide.text(&x.label, l).to_string())
                        .unwrap_or_default(),
                    None => FcMsg::NotAnswered.text(l).to_string(),
                };
                let because = match step.because {
                    Because::LeadsHere => FcMsg::LeadsHere,
                    Because::RulesOut => FcMsg::RulesOut,
                    Because::Unanswered => FcMsg::Undecided,
                };
                let class = match step.because {
                    Because::LeadsHere => "leads",
                    Because::RulesOut => "rules-out",
                    Because::Unanswered => "open",
                };
                let href = page_href(Some(&d.id), list.get_untracked());
                let question = guide.text(&q.text, l).to_string();
                Some(view! {
                    <li class=class>
                        <a href=href>{question}</a>
                        " "<strong>{answer}</strong>
                        " — "{because.text(l)}
                    </li>
                })
            })
            .collect_view();
        Either::Right(view! { <ol class="fc-trace">{lines}</ol> })
    };
    view! {
        <section class="fc-why" data-testid="why-route">
            <h3>{tr(FcMsg::WhyThisRoute)}</h3>
            {body}
        </section>
    }
}
