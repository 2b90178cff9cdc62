namespace ApimAiGateway.Harness.Execution.Handlers.Conversion;

/// <summary>
/// When json-to-xml and xml-to-json convert (json-to-xml-policy, xml-to-json-policy): apply="always" converts
/// whatever the body claims to be, apply="content-type-&lt;kind&gt;" only a body whose Content-Type is of that kind;
/// consider-accept-header="true" (the default) additionally requires the request's Accept header to ask for the
/// target kind. The page says "if XML (JSON) is requested in request Accept header", so an absent Accept or a bare
/// */* does not count as asking. A message without a body is never converted.
/// </summary>
internal static class ConversionGate
{
    /// <summary>Why the conversion does not apply, or null when it does.</summary>
    public static string? SkipReason(PolicyExecutionContext context, string apply, bool considerAcceptHeader, string sourceKind, string targetKind)
    {
        if (CurrentMessage.Body(context) is not { Content.Length: > 0 })
        {
            return $"the {CurrentMessage.Name(context)} has no body";
        }

        var mode = apply.Trim().ToLowerInvariant();
        if (mode != "always" && mode != $"content-type-{sourceKind}")
        {
            throw new PolicyException(context.Current?.PolicyName ?? $"{sourceKind}-to-{targetKind}", "InvalidApply",
                $"'{apply}' is not a value of apply; use always or content-type-{sourceKind}.");
        }

        var contentType = CurrentMessage.Headers(context).GetValueOrDefault("Content-Type");
        if (mode != "always" && !MediaTypes.Is(contentType, sourceKind))
        {
            return $"Content-Type '{contentType}' is not {sourceKind}";
        }

        if (considerAcceptHeader && !MediaTypes.Requested(context.Request.Headers.GetValueOrDefault("Accept"), targetKind))
        {
            return $"the request's Accept header does not ask for {targetKind}";
        }

        return null;
    }
}
