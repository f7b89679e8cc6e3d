//! The flowchart page: the guide's process as a structured list of steps, and the detail of
//! one step at `/flowchart/<node id>`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::model::guide::{Guide, Node, NodeKind};
use crate::model::i18n::Msg;

use super::app::tr;
use super::common::{local_text, ConfidenceBadge, GuideGate, Illustration};

/// The process, with the selected step's detail when the address names one.
#[component]
pub fn FlowchartPage() -> impl IntoView {
    let params = use_params_map();
    let selected = Memo::new(move |_| params.with(|p| p.get("node")));
    view! {
        <section class="page flowchart">
            <h1>{tr(Msg::FlowchartTitle)}</h1>
            <p>{tr(Msg::FlowchartIntro)}</p>
            <GuideGate render={move |guide: Arc<Guide>| {
                    let detail_guide = guide.clone();
                    view! {
                        {move || {
                            selected
                                .get()
                                .and_then(|id| detail_guide.node(&id).cloned())
                                .map(|node| view! { <NodeDetail guide=detail_guide.clone() node/> })
                        }}
                        <StepList guide selected/>
                    }
                }}/>
        </section>
    }
}

fn kind_msg(kind: NodeKind) -> Msg {
    match kind {
        NodeKind::Start => Msg::NodeStart,
        NodeKind::Step => Msg::NodeStep,
        NodeKind::Decision => Msg::NodeDecision,
        NodeKind::End => Msg::NodeEnd,
    }
}

/// Every step in reading order; a decision lists its branches with their labels.
#[component]
fn StepList(guide: Arc<Guide>, selected: Memo<Option<String>>) -> impl IntoView {
    let steps = guide
        .reading_order()
        .into_iter()
        .map(|i| {
            let node = guide.nodes[i].clone();
            let id = node.id.clone();
            let branches = guide
                .edges_from(&node.id)
                .map(|e| {
                    let target = guide.node(&e.to).map(|n| local_text(&guide, &n.title));
                    let label = e.label.as_ref().map(|l| local_text(&guide, l));
                    let href = format!("/flowchart/{}", e.to);
                    view! {
                        <li>
                            {label.map(|l| view! { <strong>{l}</strong> " → " })}
                            <A href=href>{target}</A>
                        </li>
                    }
                })
                .collect_view();
            let title = local_text(&guide, &node.title);
            let is_current = {
                let id = id.clone();
                move || selected.get().as_deref() == Some(id.as_str())
            };
            view! {
                <li class=format!("step kind-{:?}", node.kind).to_lowercase() data-node=id.clone()>
                    <span class="kind">{tr(kind_msg(node.kind))}</span>
                    <A href=format!("/flowchart/{id}") attr:aria-current=move || is_current().then_some("step")>
                        {title}
                    </A>
                    <ul class="branches">{branches}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="step-list" data-testid="step-list">{steps}</ol> }
}

/// What to do at one step, why, and the checklist items that belong to it.
#[component]
fn NodeDetail(guide: Arc<Guide>, node: Node) -> impl IntoView {
    let items = guide
        .items_of_node(&node.id)
        .map(|(_, item)| view! { <li>{local_text(&guide, &item.title)}</li> })
        .collect_view();
    view! {
        <article class="node-detail" data-testid="node-detail" aria-labelledby="node-title">
            {node.illustration.clone().map(|file| view! { <Illustration file/> })}
            <p class="kind">{tr(kind_msg(node.kind))}</p>
            <h2 id="node-title">{local_text(&guide, &node.title)}</h2>
            <ConfidenceBadge confidence=node.confidence/>
            <h3>{tr(Msg::WhatToDo)}</h3>
            <p>{local_text(&guide, &node.body)}</p>
            {node.why.as_ref().map(|why| view! {
                <h3>{tr(Msg::Why)}</h3>
                <p>{local_text(&guide, why)}</p>
            })}
            <h3>{tr(Msg::ItemsHere)}</h3>
            <ul>{items}</ul>
        </article>
    }
}
