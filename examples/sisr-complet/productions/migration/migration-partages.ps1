# Migration des partages de SRV-FIC-2012 vers SRV-FIC-2022
# Auteur : Erwan Le Goff — stage chez Armor Réseaux Services (février 2027)
# Copie incrémentale : relancer autant de fois que nécessaire avant la bascule.
$Source = "\\SRV-FIC-2012"
$Destination = "D:\Partages"
$Partages = @("Commun", "Exploitation", "Compta", "Direction")
$Journal = "C:\Migration\robocopy-$(Get-Date -Format 'yyyyMMdd-HHmm').log"

foreach ($p in $Partages) {
    # /MIR : miroir ; /COPYALL : données, attributs, horodatage, ACL, propriétaire, audit
    robocopy "$Source\$p" "$Destination\$p" /MIR /COPYALL /DCOPY:DAT /R:1 /W:1 /MT:16 /NP /LOG+:$Journal
    if ($LASTEXITCODE -ge 8) {
        Write-Error "Échec de la copie du partage $p (code $LASTEXITCODE), voir $Journal"
    }
}
Write-Host "Copie terminée. Vérifier le journal : $Journal"
