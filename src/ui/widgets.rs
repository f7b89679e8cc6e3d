//! Widgets shared by the pages: the guide gate, guide text, illustrations, confidence
//! badges, the language switch, the role switch and the question field.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::guide::{Card, Confidence, Guide, Question, Role, Text, CLASS_QUESTION};
use crate::model::i18n::checklist::ListMsg;
use crate::model::i18n::flowchart::{tag_text, tally_text, FcMsg};
use crate::model::i18n::{Locale, Msg, PageMsg};
use crate::model::progress::{point_tally, Action, Progress};

use super::guide::{GuideContext, LoadState};
use super::locale::{tr, use_locale};
use super::router::use_query;
use super::state::ProgressContext;

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
        Confidence::JimeiNews => (PageMsg::ConfidenceJimeiNews, "badge jimei"),
        Confidence::Reconstructed => (PageMsg::ConfidenceReconstructed, "badge reconstructed"),
        Confidence::Official => (PageMsg::ConfidenceOfficial, "badge official"),
    };
    let title = tr(PageMsg::ReconstructedNote);
    let reconstructed = confidence == Confidence::Reconstructed;
    view! {
        <span class=class data-testid="confidence" title=move || reconstructed.then(title)>
            {tr(msg)}
        </span>
    }
}

/// A labelled select that changes the interface and guide language at once.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let locale = use_locale();
    view! {
        <label class="lang">
            <span class="visually-hidden">{tr(Msg::Language)}</span>
            <select
                data-testid="language"
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<Locale>() {
                        locale.set(chosen);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() selected=move || locale.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The role shown: the one in the address if there is one (and it becomes the saved role),
/// else the saved role.
pub fn use_role(store: ProgressContext) -> Memo<Role> {
    let query = use_query("role");
    let asked = Memo::new(move |_| query.with(|role| role.as_deref()?.parse::<Role>().ok()));
    // The address wins: a home-page link or a role switch also changes the saved role.
    Effect::new(move || {
        if let Some(role) = asked.get() {
            store.dispatch(Action::SetRole(role));
        }
    });
    Memo::new(move |_| {
        asked
            .get()
            .unwrap_or_else(|| store.progress.with(|p| p.role()))
    })
}

/// Keeps the interface language in the saved progress (so an export carries it too). The
/// language itself is applied and remembered by `browser::lang`; this only records it.
pub fn record_language(store: ProgressContext) {
    let locale = use_locale();
    Effect::new(move || {
        let tag = locale.get().tag().to_string();
        store.dispatch(Action::SetLanguage(Some(tag)));
    });
}

/// Links to the two roles' versions of `path`; the current one is marked by its role, as both
/// share a path. The router follows them without a reload.
#[component]
pub fn RoleSwitch(role: Memo<Role>, path: &'static str) -> impl IntoView {
    let link = move |target: Role, msg: PageMsg| {
        view! {
            <a
                href=format!("{path}?role={target}")
                aria-current=move || (role.get() == target).then_some("page")
            >
                {tr(msg)}
            </a>
        }
    };
    view! {
        <nav class="role-switch" aria-label=tr(PageMsg::ChooseRole)>
            {link(Role::Enterprise, PageMsg::RoleEnterprise)}
            {link(Role::Employee, PageMsg::RoleEmployee)}
        </nav>
    }
}

/// Where a question field is drawn, which decides its classes: the checklist's list of
/// choices, or the flowchart panel's row of answers with a line saying whether it is
/// answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldStyle {
    Checklist,
    Panel,
}

/// One question as a group of radio buttons, with a way to clear the answer: the same field
/// in the checklist and in the flowchart's panel. Without a store (the guide loaded but the
/// progress could not be kept) the answers show and change nothing.
#[component]
pub fn QuestionField(
    guide: Arc<Guide>,
    store: Option<ProgressContext>,
    progress: Signal<Progress>,
    question: Question,
    style: FieldStyle,
) -> impl IntoView {
    let dispatch = move |action: Action| {
        if let Some(store) = store {
            store.dispatch(action);
        }
    };
    let id = question.id.clone();
    let answer = {
        let id = id.clone();
        Memo::new(move |_| progress.with(|p| p.answer(&id).map(str::to_string)))
    };
    let (field, choice, help, radio) = match style {
        FieldStyle::Checklist => ("question", "choice", "help", "q"),
        FieldStyle::Panel => ("fc-question", "fc-answer", "fc-help", "fc-q"),
    };
    let options = question
        .answers
        .iter()
        .map(|option| {
            let (question_id, answer_id) = (id.clone(), option.id.clone());
            // A personnel class's note says what the sources leave open and whom to ask
            // (which areas counted as key epidemic areas, which the guide does not list).
            let note = (question.id == CLASS_QUESTION)
                .then(|| guide.class(&option.id).and_then(|c| c.note.clone()))
                .flatten();
            let checked = {
                let answer_id = answer_id.clone();
                move || answer.with(|a| a.as_deref() == Some(answer_id.as_str()))
            };
            view! {
                <label class=choice>
                    <input
                        type="radio"
                        name=format!("{radio}-{question_id}")
                        value=answer_id.clone()
                        prop:checked=checked
                        on:change=move |_| {
                            dispatch(Action::Answer {
                                question: question_id.clone(),
                                answer: answer_id.clone(),
                            });
                        }
                    />
                    <span>
                        {local_text(&guide, &option.label)}
                        {note.map(|text| view! { <small class="choice-note">{local_text(&guide, &text)}</small> })}
                    </span>
                </label>
            }
        })
        .collect_view();
    let clear = move || {
        let id = id.clone();
        answer.with(Option::is_some).then(|| {
            view! {
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| dispatch(Action::ClearAnswer { question: id.clone() })
                >
                    {tr(PageMsg::ClearAnswer)}
                </button>
            }
        })
    };
    let legend = local_text(&guide, &question.text);
    let help_text = question
        .help
        .as_ref()
        .map(|text| view! { <p class=help>{local_text(&guide, text)}</p> });
    match style {
        FieldStyle::Checklist => view! {
            <fieldset class=field data-question=question.id.clone()>
                <legend>{legend}</legend>
                {help_text}
                {options}
                {clear}
            </fieldset>
        }
        .into_any(),
        FieldStyle::Panel => view! {
            <fieldset class=field data-testid="question">
                <legend>{legend}</legend>
                {help_text}
                <div class="fc-answers">{options}</div>
                <p class="fc-answer-state">
                    {move || answer.get().is_none().then(tr(FcMsg::NotAnswered))}
                    {clear}
                </p>
            </fieldset>
        }
        .into_any(),
    }
}

/// A card of points (the gate card, the six musts): a summary that links each point to the
/// items that carry it out and to its flowchart step, never a checkbox of its own. A point
/// shows done when its items are (`progress::point_tally`). `item_href` makes an item's
/// address: an anchor on the checklist, the checklist's address elsewhere.
#[component]
pub fn CardView(
    guide: Arc<Guide>,
    card: Card,
    progress: Signal<Progress>,
    item_href: fn(&str) -> String,
) -> impl IntoView {
    let locale = use_locale();
    let heading = format!("card-{}-title", card.id);
    let test_id = format!("card-{}", card.id);
    let labelled_by = heading.clone();
    let points = card
        .points
        .iter()
        .map(|point| {
            let tally = {
                let (guide, point) = (guide.clone(), point.clone());
                Memo::new(move |_| progress.with(|p| point_tally(&guide, &point, p)))
            };
            let links = guide
                .point_items(point)
                .map(|item| {
                    view! {
                        <li><a href=item_href(&item.id)>{local_text(&guide, &item.title)}</a></li>
                    }
                })
                .collect_view();
            let step = point.node.clone().map(|node| {
                view! { <li><a href=format!("/flowchart/{node}")>{tr(ListMsg::InFlowchart)}</a></li> }
            });
            view! {
                <li class="card-point" data-point=point.id.clone()>
                    <span class="point-text">{local_text(&guide, &point.text)}</span>
                    " "
                    <span class="point-state" data-testid="point-state" aria-hidden="true">
                        {move || tally.with(|t| tag_text(t, locale.get()))}
                    </span>
                    <span class="visually-hidden">
                        {move || tally.with(|t| tally_text(t, locale.get()))}
                    </span>
                    <ul class="point-links">{links}{step}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-testid=test_id aria-labelledby=labelled_by>
            {card.illustration.clone().map(|file| view! { <Illustration file size=96/> })}
            <h2 id=heading>{local_text(&guide, &card.title)}</h2>
            {card.intro.as_ref().map(|intro| view! { <p>{local_text(&guide, intro)}</p> })}
            <p class="hint">{tr(ListMsg::CardSummary)}</p>
            <ol class="card-points">{points}</ol>
            <p class="card-source">
                <ConfidenceBadge confidence=card.confidence/>
            </p>
        </section>
    }
}
