//! The home page: who the guide is for and the ways in.

use leptos::prelude::*;

use crate::model::guide::Role;
use crate::model::i18n::Msg;

use crate::ui::guide::{GuideContext, LoadState};
use crate::ui::locale::tr;
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
/// (a first visit does not load it here, to keep the first screen small).
#[component]
fn GateCard() -> impl IntoView {
    let ctx = use_context::<GuideContext>();
    move || {
        let ctx = ctx?;
        let LoadState::Ready(guide) = ctx.state.get() else {
            return None;
        };
        let store = ctx.progress.get()?;
        if store.progress.with(|p| p.role()) != Role::Enterprise {
            return None;
        }
        let card = guide.first_card(Role::Enterprise)?.clone();
        let progress = store.progress.into();
        Some(view! { <CardView guide card progress item_href=on_checklist/> })
    }
}

/// An enterprise item's address on the checklist.
fn on_checklist(id: &str) -> String {
    format!("/checklist?role=enterprise#item-{id}")
}
