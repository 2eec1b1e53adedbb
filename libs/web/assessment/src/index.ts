// Kept light: the app imports this eagerly (routes, nav); screens load lazily.
// Learner side (quiz-player/) and trainer side (bank/, quiz-editor/, grading/, reports/) add their exports below.
