//! The self-check checklist: one role's sections and items.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::model::guide::{Guide, Item, Role};
use crate::model::i18n::Msg;

use super::app::tr;
use super::common::{local_text, ConfidenceBadge, GuideGate, Illustration};

/// The role named by `?role=`, the enterprise by default.
fn role_from_query(value: Option<String>) -> Role {
    match value.as_deref() {
        Some("employee") => Role::Employee,
        _ => Role::Enterprise,
    }
}

/// The checklist of the role in the address, with a switch between the two roles.
#[component]
pub fn ChecklistPage() -> impl IntoView {
    let query = use_query_map();
    let role = Memo::new(move |_| role_from_query(query.with(|q| q.get("role"))));
    view! {
        <section class="page checklist">
            <h1>{tr(Msg::ChecklistTitle)}</h1>
            <p>{tr(Msg::ChecklistIntro)}</p>
            <nav class="role-switch" aria-label=tr(Msg::ChooseRole)>
                <A href="/checklist?role=enterprise" attr:aria-current=move || (role.get() == Role::Enterprise).then_some("page")>
                    {tr(Msg::RoleEnterprise)}
                </A>
                <A href="/checklist?role=employee" attr:aria-current=move || (role.get() == Role::Employee).then_some("page")>
                    {tr(Msg::RoleEmployee)}
                </A>
            </nav>
            <GuideGate render={move |guide: Arc<Guide>| {
                move || view! { <Sections guide=guide.clone() role=role.get()/> }
            }}/>
        </section>
    }
}

#[component]
fn Sections(guide: Arc<Guide>, role: Role) -> impl IntoView {
    guide
        .sections_for(role)
        .map(|section| {
            let items = section
                .items
                .iter()
                .map(|item| view! { <ItemView guide=guide.clone() item=item.clone()/> })
                .collect_view();
            view! {
                <section class="section" data-section=section.id.clone()>
                    {section.illustration.clone().map(|file| view! { <Illustration file size=120/> })}
                    <h2>{local_text(&guide, &section.title)}</h2>
                    {section.intro.as_ref().map(|intro| view! { <p>{local_text(&guide, intro)}</p> })}
                    <ul class="items">{items}</ul>
                </section>
            }
        })
        .collect_view()
}

/// One item: its title, whether it is required, and what to do and why on demand.
#[component]
fn ItemView(guide: Arc<Guide>, item: Item) -> impl IntoView {
    let source = guide
        .source(&item.source)
        .map(|s| (local_text(&guide, &s.name), s.url.clone()));
    let node_title = guide.node(&item.node).map(|n| local_text(&guide, &n.title));
    view! {
        <li class="item" data-item=item.id.clone()>
            <div class="item-head">
                {item.icon.clone().map(|file| view! { <Illustration file size=32/> })}
                <span class="item-title">{local_text(&guide, &item.title)}</span>
                <span class=if item.required { "tag required" } else { "tag optional" }>
                    {tr(if item.required { Msg::Required } else { Msg::Optional })}
                </span>
                <ConfidenceBadge confidence=item.confidence/>
            </div>
            <p>{local_text(&guide, &item.what)}</p>
            <details>
                <summary>{tr(Msg::Why)}</summary>
                <p>{local_text(&guide, &item.why)}</p>
                {source.map(|(name, url)| view! {
                    <p>{tr(Msg::Source)} ": " <a href=url rel="noopener noreferrer">{name}</a></p>
                })}
                <p>
                    {tr(Msg::BelongsToStep)} ": "
                    <A href=format!("/flowchart/{}", item.node)>{node_title}</A>
                </p>
            </details>
        </li>
    }
}
