//! What the gate officer types for a visit and for a routine done, checked and made into the
//! ledger's records. Every problem is returned at once, each naming its field, so the form
//! can mark them all.

use super::date::{Date, Time};
use super::record::{
    clip, parse_temperature, RoutineDone, TemperatureError, Visit, VisitKind, MAX_NOTE_CHARS,
    MAX_SHORT_CHARS,
};

/// A visit as typed: text fields as they are in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitForm {
    pub kind: VisitKind,
    pub name: String,
    pub plate: String,
    pub phone: String,
    pub from: String,
    pub purpose: String,
    pub temperature: String,
}

/// A field of the visit form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitField {
    Name,
    Plate,
    Temperature,
}

/// Why a visit form cannot be saved yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VisitProblem {
    /// A visitor needs a name.
    NameMissing,
    /// A vehicle needs its number plate.
    PlateMissing,
    /// The temperature was typed but is not one.
    Temperature(TemperatureError),
}

impl VisitProblem {
    /// The field the problem is about.
    pub fn field(&self) -> VisitField {
        match self {
            VisitProblem::NameMissing => VisitField::Name,
            VisitProblem::PlateMissing => VisitField::Plate,
            VisitProblem::Temperature(_) => VisitField::Temperature,
        }
    }
}

/// Checks a visit form and makes the visit, come in on `day` at `time`. The temperature may
/// be left empty (a vehicle's driver may stay in the cab); when typed it must be a reading.
pub fn check_visit(form: &VisitForm, day: Date, time: Time) -> Result<Visit, Vec<VisitProblem>> {
    let mut problems = Vec::new();
    let name = clip(&form.name, MAX_SHORT_CHARS);
    let plate = clip(&form.plate, MAX_SHORT_CHARS).to_uppercase();
    match form.kind {
        VisitKind::Visitor if name.is_empty() => problems.push(VisitProblem::NameMissing),
        VisitKind::Vehicle if plate.is_empty() => problems.push(VisitProblem::PlateMissing),
        VisitKind::Visitor | VisitKind::Vehicle => {}
    }
    let tenths = if form.temperature.trim().is_empty() {
        None
    } else {
        match parse_temperature(&form.temperature) {
            Ok(tenths) => Some(tenths),
            Err(error) => {
                problems.push(VisitProblem::Temperature(error));
                None
            }
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Visit {
        kind: form.kind,
        day,
        time,
        left: None,
        name,
        plate: if form.kind == VisitKind::Vehicle {
            plate
        } else {
            String::new()
        },
        phone: clip(&form.phone, MAX_SHORT_CHARS),
        from: clip(&form.from, MAX_SHORT_CHARS),
        purpose: clip(&form.purpose, MAX_SHORT_CHARS),
        tenths,
        by: String::new(),
    })
}

/// A routine done, as typed: all of it optional, since the time is taken from the clock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoutineForm {
    pub area: String,
    pub by: String,
    pub note: String,
}

/// The record of `routine` done on `day` at `time`, its texts cut to their limits.
pub fn routine_done(routine: &str, form: &RoutineForm, day: Date, time: Time) -> RoutineDone {
    RoutineDone {
        routine: routine.to_string(),
        area: clip(&form.area, MAX_SHORT_CHARS),
        day,
        time,
        by: clip(&form.by, MAX_SHORT_CHARS),
        note: clip(&form.note, MAX_NOTE_CHARS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Date {
        Date::from_ymd(2020, 2, 17).unwrap()
    }

    fn time() -> Time {
        Time::from_hm(8, 5).unwrap()
    }

    #[test]
    fn a_visitor_needs_a_name_and_a_vehicle_its_plate() {
        let visitor = VisitForm::default();
        assert_eq!(
            check_visit(&visitor, day(), time()),
            Err(vec![VisitProblem::NameMissing])
        );
        let vehicle = VisitForm {
            kind: VisitKind::Vehicle,
            name: "王师傅".into(),
            ..VisitForm::default()
        };
        let problems = check_visit(&vehicle, day(), time()).unwrap_err();
        assert_eq!(problems, [VisitProblem::PlateMissing]);
        assert_eq!(problems[0].field(), VisitField::Plate);
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let form = VisitForm {
            temperature: "hot".into(),
            ..VisitForm::default()
        };
        let problems = check_visit(&form, day(), time()).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0], VisitProblem::NameMissing);
        assert!(matches!(problems[1], VisitProblem::Temperature(_)));
    }

    #[test]
    fn a_visit_is_made_clean_with_its_reading() {
        let form = VisitForm {
            kind: VisitKind::Vehicle,
            name: "  王师傅 ".into(),
            plate: " 闽d12345 ".into(),
            phone: "138".into(),
            from: "同安".into(),
            purpose: "送货".into(),
            temperature: "37.8".into(),
        };
        let visit = check_visit(&form, day(), time()).unwrap();
        assert_eq!(visit.name, "王师傅");
        assert_eq!(visit.plate, "闽D12345");
        assert_eq!(visit.tenths, Some(378));
        assert!(visit.is_abnormal());
        assert_eq!((visit.day, visit.time, visit.left), (day(), time(), None));
        // A visitor on foot keeps no plate, even one typed before switching the kind.
        let on_foot = VisitForm {
            kind: VisitKind::Visitor,
            ..form
        };
        let visit = check_visit(&on_foot, day(), time()).unwrap();
        assert_eq!(visit.plate, "");
    }

    #[test]
    fn a_routine_record_keeps_what_was_typed_within_limits() {
        let form = RoutineForm {
            area: " 一号车间 ".into(),
            by: "李".into(),
            note: "x".repeat(MAX_NOTE_CHARS + 10),
        };
        let done = routine_done("daily-disinfection", &form, day(), time());
        assert_eq!(done.area, "一号车间");
        assert_eq!(done.note.chars().count(), MAX_NOTE_CHARS);
        assert_eq!(done.routine, "daily-disinfection");
    }
}
