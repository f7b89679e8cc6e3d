//! Where the enterprise files its reopening (issue 19 §4): the route its answers lead to,
//! the office or offices with what the sources say of each and whom to ask for what they do
//! not give, and the materials to bring. The decisions are the model's (`Guide::filing_route`,
//! `filing_offices`, `filing_materials`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::guide::{FilesWith, Guide};
use crate::model::i18n::checklist::ListMsg;

use crate::ui::locale::{tr, use_locale};
use crate::ui::state::ProgressContext;
use crate::ui::widgets::ConfidenceBadge;

/// The filing card of the enterprise's checklist; nothing when the guide has no filing.
#[component]
pub fn FilingCard(guide: Arc<Guide>, store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    if guide.filing.is_none() {
        return ().into_any();
    }
    let answers = Memo::new(move |_| store.progress.with(|p| p.answers()));
    let content = move || {
        let l = locale.get();
        let answers = answers.get();
        let Some(route) = guide.filing_route(&answers) else {
            return view! { <p data-testid="filing-route">{tr(ListMsg::FilingAnswerFirst)}</p> }
                .into_any();
        };
        let offices = guide.filing_offices(route, &answers);
        let several = offices.len() > 1;
        let offices = offices
            .into_iter()
            .map(|office| {
                view! {
                    <li data-testid="filing-office">
                        <strong>{guide.text(&office.name, l).to_string()}</strong>
                        " " <ConfidenceBadge confidence=office.confidence/>
                        <p>{guide.text(&office.holds, l).to_string()}</p>
                        <p>{guide.text(&office.ask, l).to_string()}</p>
                    </li>
                }
            })
            .collect_view();
        let materials = guide
            .filing_materials(route)
            .into_iter()
            .map(|m| {
                let note = m
                    .note
                    .as_ref()
                    .map(|n| view! { <p>{guide.text(n, l).to_string()}</p> });
                view! {
                    <li>
                        {guide.text(&m.name, l).to_string()}
                        " " <ConfidenceBadge confidence=m.confidence/>
                        {note}
                    </li>
                }
            })
            .collect_view();
        let has_offices = route.files_with != FilesWith::Ask;
        view! {
            <p data-testid="filing-route">
                {guide.text(&route.what, l).to_string()}
                " " <ConfidenceBadge confidence=route.confidence/>
            </p>
            {has_offices.then(|| view! {
                <h3>{tr(ListMsg::FilingOffices)}</h3>
                {several.then(|| view! { <p class="hint">{tr(ListMsg::FilingChooseTown)}</p> })}
                <ul class="filing-offices">{offices}</ul>
            })}
            <h3>{tr(ListMsg::FilingMaterials)}</h3>
            <ul class="filing-materials">{materials}</ul>
        }
        .into_any()
    };
    view! {
        <section class="filing" aria-labelledby="filing-heading" data-testid="filing">
            <h2 id="filing-heading">{tr(ListMsg::FilingHeading)}</h2>
            {content}
        </section>
    }
    .into_any()
}
