//! The home page: who the guide is for and the ways in.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::split::{split_fn, ChunkError};
use crate::model::guide::{Guide, Role};
use crate::model::i18n::Msg;

use crate::ui::guide::{GuideContext, LoadState};
use crate::ui::lazy::lazy_part;
use crate::ui::locale::tr;
use crate::ui::state::ProgressContext;
use crate::ui::widgets::CardView;

/// The landing page: the mascots, one line of introduction, and a way in for each role.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page home">
            <img class="hero" src="/img/mascots-together.svg" alt="" width="320" height="240"/>
            <h1>{tr(Msg::AppName)}</h1>
            <GateCard/>
            <p class="tagline">{tr(Msg::AppTagline)}</p>
            <p>{tr(Msg::HomeIntro)}</p>
            <div class="ways-in">
                <a href="/checklist?role=enterprise" class="button primary">
                    {tr(Msg::HomeStartEnterprise)}
                </a>
                <a href="/checklist?role=employee" class="button primary">
                    {tr(Msg::HomeStartEmployee)}
                </a>
                <a href="/flowchart" class="button">
                    {tr(Msg::HomeOpenFlowchart)}
                </a>
            </div>
        </section>
    }
}

/// For the enterprise, "At the gate today" first (issue 16 §3), once the guide is loaded
/// (a first visit does not load it here, to keep the first screen small). The card's code,
/// its messages and even the reading of the role come from the guide's wasm file, which has
/// loaded by then: reading the progress here would bring its drop code into the main file.
#[component]
fn GateCard() -> impl IntoView {
    let ctx = use_context::<GuideContext>();
    move || {
        let ctx = ctx?;
        // Read in place: cloning the state would bring `LoadError`'s clone into the main wasm.
        let guide = ctx.state.with(|state| match state {
            LoadState::Ready(guide) => Some(Arc::clone(guide)),
            _ => None,
        })?;
        let store = ctx.progress.get()?;
        Some(lazy_part(Box::pin(gate_card_part(guide, store))))
    }
}

split_fn!(
    /// The enterprise's gate card, from the guide's wasm file in a split build; nothing for
    /// the employee.
    guide,
    fn gate_card_part(guide: Arc<Guide>, store: ProgressContext) -> Result<AnyView, ChunkError> {
        let Some(card) = guide.first_card(Role::Enterprise).cloned() else {
            return Ok(().into_any());
        };
        let enterprise = Memo::new(move |_| store.progress.with(|p| p.role()) == Role::Enterprise);
        let progress: Signal<_> = store.progress.into();
        Ok((move || {
            enterprise.get().then(|| {
                let (guide, card) = (Arc::clone(&guide), card.clone());
                untrack(|| view! { <CardView guide card progress item_href=on_checklist/> })
            })
        })
        .into_any())
    }
);

/// An enterprise item's address on the checklist.
fn on_checklist(id: &str) -> String {
    format!("/checklist?role=enterprise#item-{id}")
}
