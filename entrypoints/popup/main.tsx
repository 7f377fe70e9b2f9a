import { render } from 'preact';
import { CalendarPopup } from '../../components/calendar/CalendarPopup';
import { startPopup, watchTodayPainted } from '../../components/calendar/popup-start';
import '../../components/calendar/styles.css';

watchTodayPainted();
void startPopup().then((start) => render(<CalendarPopup start={start} />, document.getElementById('app')!));
