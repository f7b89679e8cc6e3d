//! The About page: what the guide is, where its facts come from and how sure we are.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::split::{split_fn, ChunkError};
use crate::model::guide::{Confidence, Guide};
use crate::model::i18n::PageMsg;

use crate::ui::locale::tr;
use crate::ui::widgets::{local_text, ConfidenceBadge, GuideGate};

split_fn!(
    /// The about page, from its own wasm file in a split build.
    about,
    pub fn about_page() -> Result<AnyView, ChunkError> {
        // Untracked, as a route's view is: the page's set-up reads must not redraw it.
        Ok(untrack(|| view! { <AboutPage/> }.into_any()))
    }
);

/// The About page, with the guide's own articles, version and sources.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <section class="page about">
            <h1>{tr(PageMsg::AboutTitle)}</h1>
            <p>{tr(PageMsg::AboutIntro)}</p>
            <GuideGate render={|guide: Arc<Guide>| view! { <AboutGuide guide/> }}/>
        </section>
    }
}

#[component]
fn AboutGuide(guide: Arc<Guide>) -> impl IntoView {
    let articles = guide
        .about
        .iter()
        .map(|a| {
            view! {
                <section data-article=a.id.clone()>
                    <h2>{local_text(&guide, &a.title)}</h2>
                    <p>{local_text(&guide, &a.body)}</p>
                </section>
            }
        })
        .collect_view();
    let sources = guide
        .sources
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=s.url.clone() rel="noopener noreferrer">{local_text(&guide, &s.name)}</a>
                    " (" {s.date.clone()} ")"
                </li>
            }
        })
        .collect_view();
    let labels = [
        Confidence::Reported,
        Confidence::Xiamen,
        Confidence::JimeiNews,
        Confidence::Reconstructed,
        Confidence::Official,
    ]
    .map(|confidence| view! { <li><ConfidenceBadge confidence/></li> });
    view! {
        <h2>{tr(PageMsg::AboutVersion)}</h2>
        <p data-testid="guide-version">{guide.version.clone()} " · " {guide.date.clone()}</p>
        {articles}
        <h2>{tr(PageMsg::AboutConfidence)}</h2>
        <ul class="labels">{labels.into_iter().collect_view()}</ul>
        <p>{tr(PageMsg::ReconstructedNote)}</p>
        <h2>{tr(PageMsg::AboutSources)}</h2>
        <ul class="sources">{sources}</ul>
    }
}
