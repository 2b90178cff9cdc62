using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// What <see cref="PolicyReader"/> produced. <see cref="Document"/> is null only when no usable root was found
/// (empty, binary or oversized file, wrong or missing root, nesting beyond the limit); otherwise it is the best
/// reading of the file even when <see cref="Diagnostics"/> holds errors.
/// </summary>
public sealed record ReadResult(PolicyDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
