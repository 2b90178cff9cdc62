namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Problems with a fragment's contract, the YAML in its first comment that the fragment catalog is generated from
/// (AGW8101-AGW8199). APIM ignores comments, so these are warnings: the fragment still deploys, but the catalog
/// cannot say what it needs.
/// </summary>
public static class FragmentContractDiagnostics
{
    public static readonly DiagnosticDescriptor MissingContract = new(
        "AGW8101", DiagnosticSeverity.Warning, "Fragment without a contract",
        "The fragment does not open with its contract: a comment before <fragment> holding YAML with id, section and summary.");

    public static readonly DiagnosticDescriptor MalformedContract = new(
        "AGW8102", DiagnosticSeverity.Warning, "Malformed fragment contract",
        "The fragment's contract is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor MissingKey = new(
        "AGW8103", DiagnosticSeverity.Warning, "Contract key missing",
        "The fragment's contract is missing '{0}'.");

    public static readonly DiagnosticDescriptor IdNotFileName = new(
        "AGW8104", DiagnosticSeverity.Warning, "Contract id differs from the file name",
        "The contract's id is '{0}' but the file makes the fragment '{1}'; a fragment's id is its file name.");

    public static readonly DiagnosticDescriptor UnknownSection = new(
        "AGW8105", DiagnosticSeverity.Warning, "Unknown section in a contract",
        "Section '{0}' is not a policy section; expected one of: {1}.");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "AGW8106", DiagnosticSeverity.Warning, "Unknown contract key",
        "Unknown key '{0}' in {1}; expected one of: {2}.");

    public static readonly DiagnosticDescriptor WrongShape = new(
        "AGW8107", DiagnosticSeverity.Warning, "Wrong kind of contract value",
        "{0} must be {1}.");

    public static readonly DiagnosticDescriptor NothingReadOrSet = new(
        "AGW8108", DiagnosticSeverity.Warning, "Contract says nothing about data",
        "The contract says neither what the fragment reads nor what it sets.");

    public static readonly DiagnosticDescriptor UndeclaredNamedValue = new(
        "AGW8109", DiagnosticSeverity.Warning, "Contract names an undeclared named value",
        "The contract reads named value '{0}', which the named-values file does not declare.");

    public static readonly DiagnosticDescriptor UnlistedNamedValue = new(
        "AGW8110", DiagnosticSeverity.Warning, "Named value missing from the contract",
        "The fragment uses named value '{0}', which its contract does not list under reads.namedValues.");

    public static readonly DiagnosticDescriptor UnusedNamedValue = new(
        "AGW8111", DiagnosticSeverity.Warning, "Contract lists a named value the fragment does not use",
        "The contract lists named value '{0}', which the fragment does not use.");
}
