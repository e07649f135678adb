<?php
// tests/Unit/DisponibiliteTest.php — extrait (stage chez Ker Web, juin 2025)
// Autrice : Nolwenn Kerbrat. Lancement : php artisan test --filter=DisponibiliteTest

namespace Tests\Unit;

use App\Services\Disponibilite;
use Carbon\CarbonImmutable;
use PHPUnit\Framework\TestCase;

final class DisponibiliteTest extends TestCase
{
    public function test_un_sejour_qui_chevauche_une_reservation_est_refuse(): void
    {
        $dispo = new Disponibilite([
            [CarbonImmutable::parse('2025-07-05'), CarbonImmutable::parse('2025-07-12')],
        ]);

        $this->assertFalse($dispo->estLibre(
            CarbonImmutable::parse('2025-07-10'),
            CarbonImmutable::parse('2025-07-15'),
        ));
    }

    public function test_un_depart_le_jour_d_une_arrivee_est_accepte(): void
    {
        $dispo = new Disponibilite([
            [CarbonImmutable::parse('2025-07-05'), CarbonImmutable::parse('2025-07-12')],
        ]);

        $this->assertTrue($dispo->estLibre(
            CarbonImmutable::parse('2025-07-12'),
            CarbonImmutable::parse('2025-07-19'),
        ));
    }

    public function test_un_sejour_de_moins_de_deux_nuits_est_refuse_en_juillet(): void
    {
        $dispo = new Disponibilite([]);

        $this->assertFalse($dispo->estLibre(
            CarbonImmutable::parse('2025-07-20'),
            CarbonImmutable::parse('2025-07-21'),
        ));
    }
}
