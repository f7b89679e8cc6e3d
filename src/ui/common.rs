//! Small pieces shared by the pages: the guide gate, illustrations and confidence badges.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::guide::{Confidence, Guide, Text};
use crate::model::i18n::{Msg, PageMsg};

use super::app::{tr, use_locale, GuideContext, LoadState};

/// Renders `render` with the guide once it has loaded; until then a loading notice, and on
/// failure a localised explanation that names the problem, with a retry button.
#[component]
pub fn GuideGate<F, V>(
    /// Draws the page from the loaded guide.
    render: F,
) -> impl IntoView
where
    F: Fn(Arc<Guide>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let Some(ctx) = use_context::<GuideContext>() else {
        return view! { <p role="alert">{tr(PageMsg::LoadFailedTitle)}</p> }.into_any();
    };
    let locale = use_locale();
    (move || match ctx.state.get() {
        LoadState::Loading => view! {
            <p class="loading" role="status" data-testid="loading">{tr(Msg::Loading)}</p>
        }
        .into_any(),
        LoadState::Failed(error) => {
            let describe = move || error.describe(locale.get());
            view! {
                <section class="load-error" role="alert" data-testid="load-error">
                    <h2>{tr(PageMsg::LoadFailedTitle)}</h2>
                    <p>{let d = describe.clone(); move || d().headline}</p>
                    <ul>
                        {move || describe().details.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=move |_| ctx.load()>
                        {tr(Msg::Retry)}
                    </button>
                </section>
            }
            .into_any()
        }
        LoadState::Ready(guide) => {
            // While the guide in the interface language is on its way, or if it could not be
            // had, the guide's text is in another language: say so, so screen readers read it
            // in the right voice. The wrapper takes no part in layout (style/main.css).
            let own = Some(guide.primary_language().to_string()).filter(|l| !l.is_empty());
            let lang = move || own.clone().filter(|tag| tag.as_str() != locale.get().tag());
            view! { <div class="guide-text" lang=lang>{render(guide)}</div> }.into_any()
        }
    })
    .into_any()
}

/// A guide text in the current language, with the guide's one fallback rule
/// (`Guide::text`).
pub fn local_text(guide: &Arc<Guide>, text: &Text) -> impl Fn() -> String + Send + Sync + 'static {
    let locale = use_locale();
    let (guide, text) = (guide.clone(), text.clone());
    move || guide.text(&text, locale.get()).to_string()
}

/// A lazily loaded illustration from `public/img/`. Decorative: the text next to it says the
/// same, so screen readers skip it.
#[component]
pub fn Illustration(
    /// File name in `public/img/`.
    file: String,
    /// Rendered width and height in CSS pixels.
    #[prop(default = 96)]
    size: u32,
) -> impl IntoView {
    view! {
        <img
            class="illustration"
            src=format!("/img/{file}")
            alt=""
            loading="lazy"
            decoding="async"
            width=size
            height=size
        />
    }
}

/// The confidence label of a node or item, in words (never colour alone).
#[component]
pub fn ConfidenceBadge(confidence: Confidence) -> impl IntoView {
    let (msg, class) = match confidence {
        Confidence::Reported => (PageMsg::ConfidenceReported, "badge reported"),
        Confidence::Xiamen => (PageMsg::ConfidenceXiamen, "badge xiamen"),
        Confidence::Reconstructed => (PageMsg::ConfidenceReconstructed, "badge reconstructed"),
        Confidence::Official => (PageMsg::ConfidenceOfficial, "badge official"),
    };
    let title = tr(PageMsg::ReconstructedNote);
    let reconstructed = confidence == Confidence::Reconstructed;
    view! {
        <span class=class title=move || reconstructed.then(title)>
            {tr(msg)}
        </span>
    }
}
