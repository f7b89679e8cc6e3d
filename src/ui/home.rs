//! The home page: who the guide is for and the ways in.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::i18n::Msg;

use super::app::tr;

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
                <A href="/checklist?role=enterprise" attr:class="button primary">
                    {tr(Msg::HomeStartEnterprise)}
                </A>
                <A href="/checklist?role=employee" attr:class="button primary">
                    {tr(Msg::HomeStartEmployee)}
                </A>
                <A href="/flowchart" attr:class="button">
                    {tr(Msg::HomeOpenFlowchart)}
                </A>
            </div>
        </section>
    }
}
