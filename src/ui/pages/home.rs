//! The home page: who the guide is for and the ways in.

use leptos::prelude::*;

use crate::model::i18n::Msg;

use crate::ui::locale::tr;

/// The landing page: the mascots, one line of introduction, and a way in for each role.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page home">
            <img class="hero" src="/img/mascots-together.svg" alt="" width="320" height="240"/>
            <h1>{tr(Msg::AppName)}</h1>
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
