namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>Diagnostics about services files, the canned simulated services tests run against (AGW7001-AGW7049).</summary>
public static class ServiceDiagnostics
{
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "AGW7001", DiagnosticSeverity.Error, "Services file cannot be read",
        "The services file cannot be read: {0}");

    public static readonly DiagnosticDescriptor MalformedFile = new(
        "AGW7002", DiagnosticSeverity.Error, "Malformed services file",
        "The services file is not valid JSON/YAML: {0}");

    public static readonly DiagnosticDescriptor WrongShape = new(
        "AGW7003", DiagnosticSeverity.Error, "Wrong kind of value",
        "{0} must be {1}.");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "AGW7004", DiagnosticSeverity.Error, "Unknown key",
        "Unknown key '{0}' in {1}; expected one of: {2}.");

    public static readonly DiagnosticDescriptor MissingKey = new(
        "AGW7005", DiagnosticSeverity.Error, "Missing key",
        "{0} is missing the required key '{1}'.");

    public static readonly DiagnosticDescriptor InvalidBaseUrl = new(
        "AGW7006", DiagnosticSeverity.Error, "Invalid base URL",
        "Base URL '{0}' must be an absolute http or https URL without query or fragment.");

    public static readonly DiagnosticDescriptor DuplicateRoute = new(
        "AGW7007", DiagnosticSeverity.Error, "Two services at one place",
        "Service '{0}' listens where service '{1}' already does ({2}); every request would reach only one of them.");

    public static readonly DiagnosticDescriptor InvalidPathPattern = new(
        "AGW7008", DiagnosticSeverity.Error, "Invalid path pattern",
        "Path pattern '{0}' is invalid: {1}.");

    public static readonly DiagnosticDescriptor FailureWithResponse = new(
        "AGW7009", DiagnosticSeverity.Error, "Failing rule with a response",
        "A rule with 'fail: {0}' sends no response, so it cannot also set '{1}'.");

    public static readonly DiagnosticDescriptor NoResponses = new(
        "AGW7010", DiagnosticSeverity.Warning, "Service without responses",
        "Service '{0}' declares no responses; every call to it gets 404 Not Found.");
}
