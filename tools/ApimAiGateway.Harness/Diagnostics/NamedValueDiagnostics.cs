namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Diagnostics about named values (AGW2001-AGW2099; AGW2020-AGW2029 are about environment files). Messages name a named value but never quote its value,
/// because secret and Key Vault values must not leak into output.
/// </summary>
public static class NamedValueDiagnostics
{
    public static readonly DiagnosticDescriptor UndefinedNamedValue = new(
        "AGW2001", DiagnosticSeverity.Error, "Undefined named value",
        "Named value '{0}' is not defined in the named-value set.");

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "AGW2002", DiagnosticSeverity.Error, "Named-value file cannot be read",
        "The named-value file cannot be read: {0}");

    public static readonly DiagnosticDescriptor MalformedFile = new(
        "AGW2003", DiagnosticSeverity.Error, "Malformed named-value file",
        "The named-value file is not valid JSON/YAML: {0}");

    public static readonly DiagnosticDescriptor RootNotMapping = new(
        "AGW2004", DiagnosticSeverity.Error, "Named-value file is not a map",
        "The named-value file must be a map from named-value name to value.");

    public static readonly DiagnosticDescriptor InvalidName = new(
        "AGW2005", DiagnosticSeverity.Error, "Invalid named-value name",
        "Named-value name '{0}' is invalid: use 1-256 letters, digits, '.', '-' or '_'.");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "AGW2006", DiagnosticSeverity.Error, "Duplicate named value",
        "Named value '{0}' is defined more than once (names are compared case-insensitively).");

    public static readonly DiagnosticDescriptor InvalidEntry = new(
        "AGW2007", DiagnosticSeverity.Error, "Invalid named-value entry",
        "Named value '{0}' must be a scalar value or a map with 'value', 'secret' and 'keyVault' keys: {1}.");

    public static readonly DiagnosticDescriptor EmptyValue = new(
        "AGW2008", DiagnosticSeverity.Error, "Empty named value",
        "Named value '{0}' has an empty or whitespace-only value, which APIM rejects.");

    public static readonly DiagnosticDescriptor ValueTooLong = new(
        "AGW2009", DiagnosticSeverity.Error, "Named value too long",
        "Named value '{0}' is {1} characters long; APIM allows at most {2}.");

    public static readonly DiagnosticDescriptor UnknownEnvironment = new(
        "AGW2020", DiagnosticSeverity.Error, "Unknown environment",
        "Environment '{0}' does not exist; the environments are: {1}.");

    public static readonly DiagnosticDescriptor InvalidEnvironmentFile = new(
        "AGW2021", DiagnosticSeverity.Error, "Invalid environment file",
        "An environment file is a JSON object with 'namedValues' (named-value name to string) and an optional '$comment': {0}.");

    /// <summary>{0} = name, {1} = catalog file, {2} = " Did you mean 'x'?" or empty.</summary>
    public static readonly DiagnosticDescriptor UnknownOverride = new(
        "AGW2022", DiagnosticSeverity.Error, "Environment sets an undeclared named value",
        "Named value '{0}' is not declared in {1}; an environment may only set the values the catalog declares.{2}");

    public static readonly DiagnosticDescriptor SecretOverride = new(
        "AGW2023", DiagnosticSeverity.Error, "Environment gives a secret a value",
        "Named value '{0}' is a Key Vault secret: an environment file may not give it a value; the secret lives in Key Vault and offline the harness uses its placeholder.");

    public static readonly DiagnosticDescriptor NonStringOverride = new(
        "AGW2024", DiagnosticSeverity.Error, "Environment value is not a string",
        "Named value '{0}' must be given a JSON string, not {1}; APIM named values are text.");
}
