using System.Diagnostics.CodeAnalysis;

// The suites' public methods are xunit tests, and test names read as sentences split by underscores
// (Commit_VersionConflict_WritesNothingOfTheSet), as in the rest of the project's tests.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as sentences.", Scope = "namespaceanddescendants", Target = "~N:CustomerCare.Testing")]
