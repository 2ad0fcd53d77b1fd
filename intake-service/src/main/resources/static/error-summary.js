// a page shown again with errors: the keyboard and the screen reader start at the summary, whose
// links lead to the fields (the summary is also role="alert", for those who do not run this)
var summary = document.getElementById('erreurs');
if (summary) { summary.focus(); }
