namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Diagnostics about the files that describe a gateway and its tests besides policies: the repository's API,
/// product and backend files, scenario files and request files (AGW8001-AGW8099). All of them are input problems.
/// </summary>
public static class ScenarioDiagnostics
{
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "AGW8001", DiagnosticSeverity.Error, "File cannot be read",
        "The file cannot be read: {0}");

    public static readonly DiagnosticDescriptor MalformedFile = new(
        "AGW8002", DiagnosticSeverity.Error, "Malformed YAML/JSON file",
        "The file is not valid YAML/JSON: {0}");

    public static readonly DiagnosticDescriptor WrongShape = new(
        "AGW8003", DiagnosticSeverity.Error, "Wrong kind of value",
        "{0} must be {1}.");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "AGW8004", DiagnosticSeverity.Error, "Unknown key",
        "Unknown key '{0}' in {1}; expected one of: {2}.");

    public static readonly DiagnosticDescriptor MissingKey = new(
        "AGW8005", DiagnosticSeverity.Error, "Missing key",
        "{0} is missing the required key '{1}'.");

    public static readonly DiagnosticDescriptor RepositoryNotFound = new(
        "AGW8006", DiagnosticSeverity.Error, "Repository not found",
        "No repository (a directory holding 'policies/') was found at or above '{0}'.");

    public static readonly DiagnosticDescriptor UndefinedReference = new(
        "AGW8007", DiagnosticSeverity.Error, "Reference to something undefined",
        "{0} '{1}' is not defined; defined: {2}.");

    public static readonly DiagnosticDescriptor InvalidPattern = new(
        "AGW8008", DiagnosticSeverity.Error, "Invalid pattern",
        "'{0}' is not a valid {1}: {2}");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "AGW8009", DiagnosticSeverity.Error, "Defined twice",
        "{0} '{1}' is defined twice.");

    public static readonly DiagnosticDescriptor NoScenarioFiles = new(
        "AGW8010", DiagnosticSeverity.Error, "No scenario files",
        "No scenario files (*.yaml, *.yml) were found under '{0}'.");

    public static readonly DiagnosticDescriptor UnreachableOperationPolicy = new(
        "AGW8011", DiagnosticSeverity.Warning, "Operation policy without an operation",
        "API '{0}' declares no operation '{1}', so this operation policy never runs; list the operation in the API file.");

    public static readonly DiagnosticDescriptor UnusableBackend = new(
        "AGW8012", DiagnosticSeverity.Warning, "Backend the harness cannot reach",
        "Backend '{0}' is {1}; set-backend-service backend-id=\"{0}\" fails in the harness.");
}
